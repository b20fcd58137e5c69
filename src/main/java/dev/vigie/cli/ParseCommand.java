package dev.vigie.cli;

import dev.vigie.dns.psl.PublicSuffixes;
import dev.vigie.enrich.EnrichOptions;
import dev.vigie.enrich.IpDatabase;
import dev.vigie.enrich.SenderCatalogue;
import dev.vigie.enrich.SourceEnricher;
import dev.vigie.report.aggregate.AggregateRecord;
import dev.vigie.report.extract.ParseOutcome;
import dev.vigie.report.extract.ReportExtractor;
import dev.vigie.report.output.ReportWriter;
import dev.vigie.report.output.SourceLookup;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code vigie parse}: reads report files, folders, mbox files and Maildirs and prints the reports
 * found. Files are parsed on several threads but written in input order.
 */
@Command(name = "parse", mixinStandardHelpOptions = true,
    description = {"Parse DMARC aggregate, failure and SMTP TLS reports.",
        "PATH is a report (XML, JSON, .gz, .zip), an email, an mbox, or a folder/Maildir of them."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every input parsed", "1:some input was not a readable report (named on stderr)",
        "2:wrong usage"})
final class ParseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "json",
      description = "json (parsedmarc's shape), jsonl (one report per line) or csv (one aggregate record per row). Default: ${DEFAULT-VALUE}.")
  ReportWriter.Format format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of stdout.")
  Path out;

  @Option(names = "--threads", paramLabel = "N",
      description = "Files parsed at once (default: the number of cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Mixin LimitOptions limitOptions;

  @Option(names = "--enrich",
      description = "Fill each source's reverse_dns, base_domain, name and type (known sending"
          + " services), and country with --ip-db. Asks DNS unless --no-reverse-dns.")
  boolean enrich;

  @Option(names = "--no-reverse-dns", description = "With --enrich: no DNS queries (offline).")
  boolean noReverseDns;

  @Option(names = "--ip-db", paramLabel = "MMDB",
      description = "MaxMind-format country/ASN database (GeoLite2, IPinfo Lite, DB-IP); repeatable.")
  List<Path> ipDatabases = new ArrayList<>();

  @Mixin DnsOptions dnsOptions;

  @Parameters(paramLabel = "PATH", arity = "1..*")
  List<Path> paths;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        err.println("vigie: " + p + ": no such file or folder");
        return 2;
      }
    }
    ReportExtractor extractor = new ReportExtractor(limitOptions.toLimits());
    OutputStream sink = out == null ? new BufferedOutputStream(System.out, 1 << 16)
        : new BufferedOutputStream(OutputFile.open(out), 1 << 16);
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    Tally tally = new Tally();
    ThreadLocal<ReportWriter.Renderer> renderers;
    SourceEnricher enricher = enrich ? enricher() : null;
    SourceLookup lookup = enricher == null ? SourceLookup.NONE : report -> enricher.enrichAll(
        report.records().stream().map(AggregateRecord::sourceIp).distinct().toList());
    try (ReportWriter writer = ReportWriter.create(format, sink, out, lookup)) {
      renderers = ThreadLocal.withInitial(writer::newRenderer);
      ArrayDeque<Future<List<Object>>> pending = new ArrayDeque<>();
      // Files are handed to the workers while the folders are still being listed, a few small
      // ones per task: one hand-over per file cost two thread wake-ups (≈ 35,000 futex calls for
      // the 20,000-file corpus).
      Chunk chunk = new Chunk();
      Runnable flush = () -> {
        if (chunk.files.isEmpty()) {
          return;
        }
        List<Path> files = List.copyOf(chunk.files);
        List<Long> sizes = List.copyOf(chunk.sizes);
        chunk.clear();
        pending.add(pool.submit(() -> {
          List<Object> items = new ArrayList<>();
          for (int i = 0; i < files.size(); i++) {
            items.addAll(parseFile(extractor, renderers.get(), files.get(i), sizes.get(i)));
          }
          return items;
        }));
      };
      InputFiles.forEach(paths, (f, listedSize) -> {
        try {
          if (listedSize > STREAM_ABOVE_BYTES) {
            // A big mailbox is streamed straight to the output, never held whole.
            flush.run();
            while (!pending.isEmpty()) {
              emit(await(pending.poll()), writer, err, tally);
            }
            try (InputStream in = Files.newInputStream(f)) {
              extractor.extract(f.toString(), in,
                  o -> emit(List.of(render(writer.defaultRenderer(), o)), writer, err, tally));
            }
            return;
          }
          chunk.add(f, listedSize);
          if (chunk.full()) {
            flush.run();
          }
          // deep enough that one big report never idles the other workers
          while (pending.size() >= threads * 16) {
            emit(await(pending.poll()), writer, err, tally);
          }
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      });
      flush.run();
      while (!pending.isEmpty()) {
        emit(await(pending.poll()), writer, err, tally);
      }
    } finally {
      pool.shutdownNow();
      if (enricher != null) {
        enricher.close();
      }
      if (out == null) {
        System.out.flush();
      } else {
        sink.close();
      }
    }
    if (out != null) {
      err.println("vigie: wrote " + tally.written + " report(s) to " + out
          + (tally.failed > 0 ? "; " + tally.failed + " input(s) failed" : ""));
    }
    return tally.failed == 0 ? 0 : 1;
  }

  private SourceEnricher enricher() throws dev.vigie.enrich.InvalidIpDatabaseException {
    EnrichOptions options = EnrichOptions.defaults().withReverseDns(!noReverseDns);
    return new SourceEnricher(options, noReverseDns ? null : dnsOptions.client(),
        IpDatabase.open(ipDatabases), SenderCatalogue.bundled(), PublicSuffixes.bundled());
  }

  private static final long STREAM_ABOVE_BYTES = 32L * 1024 * 1024;

  /** Small files gathered into one worker task: up to 8 files or 256 KB. */
  private static final class Chunk {
    final List<Path> files = new ArrayList<>();
    final List<Long> sizes = new ArrayList<>();
    long bytes;

    void add(Path f, long size) {
      files.add(f);
      sizes.add(size);
      bytes += Math.max(0, size);
    }

    boolean full() {
      return files.size() >= 8 || bytes >= 256 * 1024;
    }

    void clear() {
      files.clear();
      sizes.clear();
      bytes = 0;
    }
  }

  private static final class Tally {
    int written;
    int failed;
  }

  /** A rendered report, or the failure to report on stderr. */
  private static Object render(ReportWriter.Renderer renderer, ParseOutcome o) {
    if (o instanceof ParseOutcome.Parsed p) {
      try {
        return renderer.render(p.report());
      } catch (IOException | RuntimeException e) {
        return new ParseOutcome.Failed(p.origin(), "could not be written out (" + e + ")");
      }
    }
    return o;
  }

  private static void emit(List<Object> items, ReportWriter writer, PrintWriter err,
      Tally tally) {
    for (Object o : items) {
      if (o instanceof ReportWriter.Rendered r) {
        try {
          writer.write(r);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException("cannot write the output: " + e.getMessage(), e);
        }
        tally.written++;
      } else if (o instanceof ParseOutcome.Failed f) {
        tally.failed++;
        err.println("vigie: " + f.origin() + ": " + f.reason());
        err.flush();
      }
    }
  }

  /** Parses and renders one file on a worker thread. */
  private static List<Object> parseFile(ReportExtractor extractor, ReportWriter.Renderer renderer,
      Path f, long listedSize) {
    List<Object> items = new ArrayList<>();
    try {
      long size = listedSize >= 0 ? listedSize : Files.size(f);
      if (size > extractor.limits().maxInputBytes()) {
        items.add(new ParseOutcome.Failed(f.toString(), "is " + size + " bytes, over the "
            + extractor.limits().maxInputBytes() + " byte input limit"));
        return items;
      }
      byte[] data = InputFiles.read(f, size);
      extractor.extract(f.toString(), data, 0, o -> items.add(render(renderer, o)));
    } catch (IOException e) {
      items.add(new ParseOutcome.Failed(f.toString(), "cannot be read: " + e.getMessage()));
    }
    return items;
  }

  private static List<Object> await(Future<List<Object>> f)
      throws InterruptedException, IOException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw new IOException(e.getCause().toString(), e.getCause());
    }
  }
}
