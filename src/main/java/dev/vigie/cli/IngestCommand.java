package dev.vigie.cli;

import dev.vigie.ingest.IngestResult;
import dev.vigie.ingest.Source;
import dev.vigie.report.extract.ReportExtractor;
import dev.vigie.store.Ingestor;
import dev.vigie.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigie ingest}: archives and stores reports from files, folders, mbox files and Maildirs.
 * Interrupted and run again, it finishes the job without counting anything twice.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Store reports from files, folders, mbox files and Maildirs.")
final class IngestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;
  @Mixin LimitOptions limitOptions;
  @Mixin EnrichmentOptions enrichmentOptions;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "1000",
      description = "Files stored per transaction (default ${DEFAULT-VALUE}).")
  int batchSize;

  @Parameters(paramLabel = "PATH", arity = "1..*")
  List<Path> paths;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    List<Path> files = InputFiles.expand(paths);
    long reports = 0;
    long duplicates = 0;
    long quarantined = 0;
    long skipped = 0;
    long unreadable = 0;
    long records = 0;
    long started;
    try (Store store = storeOptions.open()) {
      // The pipeline keeps every core busy parsing while one thread writes; DuckDB's own thread
      // pool on top of that only adds switching (measured: ~10% less CPU with one thread).
      store.limitEngineThreads(1);
      Ingestor ingestor = new Ingestor(store, new ReportExtractor(limitOptions.toLimits()),
          Clock.systemUTC(), enrichmentOptions.enricher());
      int finished = ingestor.finishPending();
      if (finished > 0) {
        err.println("vigie: finished " + finished + " message(s) archived by an interrupted run");
      }
      long maxBytes = limitOptions.toLimits().maxInputBytes();
      Iterator<Ingestor.ItemReader> readers = files.stream().<Ingestor.ItemReader>map(f -> () -> {
        try {
          long size = Files.size(f);
          if (size > maxBytes) {
            throw new IOException(f + ": is " + size + " bytes, over the input limit; not stored");
          }
          return new Ingestor.Item(InputFiles.read(f, size),
              new Source(Source.Kind.FILE, f.toString(), Instant.now()));
        } catch (java.nio.file.NoSuchFileException e) {
          throw new IOException(f + ": no longer exists; not stored", e);
        } catch (IOException e) {
          throw e.getMessage() != null && e.getMessage().startsWith(f.toString()) ? e
              : new IOException(f + ": cannot be read (" + e.getMessage() + "); not stored", e);
        }
      }).iterator();
      started = System.nanoTime(); // the rate leaves out start-up: JVM, store, migrations
      Ingestor.Totals t = ingestor.ingestAll(readers, batchSize, 32L << 20,
          problem -> err.println("vigie: " + problem));
      reports = t.reports();
      duplicates = t.duplicates();
      quarantined = t.quarantined();
      skipped = t.alreadyStored();
      unreadable = t.unreadable();
      records = t.records();
      // Closing checkpoints (compresses) everything stored: the workers are done, so every core.
      store.limitEngineThreads(Runtime.getRuntime().availableProcessors());
    }
    err.printf("vigie: %d file(s): %d new report(s), %d duplicate(s), %d quarantined,"
        + " %d already stored%s%n", files.size(), reports, duplicates, quarantined, skipped,
        unreadable > 0 ? ", " + unreadable + " unreadable" : "");
    if (records > 0) { // timed until the store is closed: DuckDB's closing checkpoint included
      double seconds = (System.nanoTime() - started) / 1e9;
      err.printf(java.util.Locale.ROOT, "vigie: %d record(s) stored in %.2f s (%.0f records/s)%n",
          records, seconds, records / seconds);
    }
    return unreadable > 0 ? 1 : 0;
  }
}
