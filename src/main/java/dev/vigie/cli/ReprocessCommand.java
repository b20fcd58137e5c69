package dev.vigie.cli;

import dev.vigie.report.extract.ReportExtractor;
import dev.vigie.store.Ingestor;
import dev.vigie.store.Store;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vigie reprocess}: parses quarantined messages again, e.g. after a parser fix. */
@Command(name = "reprocess", mixinStandardHelpOptions = true,
    description = "Parse quarantined messages again and store what now parses.")
final class ReprocessCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;
  @Mixin LimitOptions limitOptions;

  @Override
  public Integer call() {
    try (Store store = storeOptions.open()) {
      Ingestor ingestor = new Ingestor(store, new ReportExtractor(limitOptions.toLimits()),
          Clock.systemUTC());
      int pending = ingestor.finishPending();
      int recovered = ingestor.reprocessQuarantine();
      spec.commandLine().getErr().println("vigie: " + recovered
          + " quarantined message(s) now parse and were stored"
          + (pending > 0 ? "; " + pending + " interrupted message(s) finished" : ""));
    }
    return 0;
  }
}
