package dev.vigie.cli;

import dev.vigie.demo.DemoData;
import dev.vigie.road.ClientSummary;
import dev.vigie.road.Insights;
import dev.vigie.road.MspOverview;
import dev.vigie.road.RoadRules;
import dev.vigie.store.ReadPool;
import dev.vigie.store.Store;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vigie demo}: loads the demo MSP into a store and prints its overview. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Load a demo MSP (5 clients, 7 domains, 90 days of generated reports) into the"
        + " store, then show its overview.")
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Clock clock = Clock.systemUTC();
    long t0 = System.nanoTime();
    try (Store store = storeOptions.open()) {
      DemoData.Loaded l = DemoData.load(store, clock);
      out.printf("Loaded %d clients, %d domains, %d aggregate reports (%,d messages), %d failure"
              + " and %d SMTP TLS reports into %s in %.1f s%n", l.clients(), l.domains(),
          l.aggregateReports(), l.messages(), l.failureReports(), l.tlsReports(),
          store.location().describe(), (System.nanoTime() - t0) / 1e9);
      try (ReadPool pool = ReadPool.open(store, 1)) {
        Insights insights = new Insights(pool, dev.vigie.enrich.SenderCatalogue.bundled(),
            dev.vigie.dns.psl.PublicSuffixes.bundled(), clock, RoadRules.defaults(),
            DemoData.publishedRecords(), DemoData.REPORT_ADDRESS);
        MspOverview o = insights.overview(Store.DEFAULT_TENANT);
        out.printf("%nLast %d days: %,d messages, %.1f %% DMARC pass; domains: %d without"
                + " record, %d monitoring, %d quarantine, %d reject%n", o.period().days(),
            o.messages(), o.passPercent(), o.stages().none(), o.stages().monitoring(),
            o.stages().quarantine(), o.stages().reject());
        for (ClientSummary c : o.clients()) {
          out.printf("  %-28s %d domain(s)  %,8d messages  %5.1f %% pass%s%n", c.name(),
              c.domains(), c.messages(), c.passPercent(),
              c.reportsStopped() ? "  reports stopped: " + String.join(", ", c.stoppedDomains())
                  : "");
        }
      }
    }
    return 0;
  }
}
