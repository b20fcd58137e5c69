package dev.vigie.cli;

import dev.vigie.report.aggregate.AggregateReport;
import dev.vigie.report.extract.ParseOutcome;
import dev.vigie.report.extract.ReportExtractor;
import dev.vigie.report.output.ReportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigie bench}: steady-state parsing throughput on one thread over a corpus held in memory
 * (so disk speed does not count), after a warm-up that lets the JIT settle.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure steady-state parse throughput on one core over a report corpus"
        + " (e.g. one made by shared/bench/gen_reports.py).")
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--warmup", defaultValue = "10", description = "Warm-up seconds (default ${DEFAULT-VALUE}).")
  int warmupSeconds;

  @Option(names = "--seconds", defaultValue = "20", description = "Measured seconds (default ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--jsonl", description = "Also serialise each report as JSON lines (to nowhere).")
  boolean jsonl;

  @Mixin LimitOptions limitOptions;

  @Parameters(paramLabel = "DIR", arity = "1..*")
  List<Path> paths;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<Path> files = InputFiles.expand(paths);
    List<byte[]> corpus = new ArrayList<>(files.size());
    long bytes = 0;
    for (Path f : files) {
      byte[] b = Files.readAllBytes(f);
      corpus.add(b);
      bytes += b.length;
    }
    ReportExtractor extractor = new ReportExtractor(limitOptions.toLimits());
    out.printf(Locale.ROOT, "corpus: %d files, %.1f MB%n", corpus.size(), bytes / 1e6);
    Counts warm = run(extractor, corpus, warmupSeconds);
    if (warm.failed > 0) {
      out.printf(Locale.ROOT, "note: %d documents failed to parse%n", warm.failed / Math.max(1, warm.passes));
    }
    Counts c = run(extractor, corpus, seconds);
    double s = c.nanos / 1e9;
    out.printf(Locale.ROOT, "%s: %.0f records/s, %.0f reports/s, %.0f MB/s of input"
        + " (%d passes, %.1f s, 1 thread)%n", jsonl ? "parse+jsonl" : "parse",
        c.records / s, c.reports / s, c.bytes / s / 1e6, c.passes, s);
    return 0;
  }

  private Counts run(ReportExtractor extractor, List<byte[]> corpus, int secs) throws IOException {
    Counts c = new Counts();
    ReportWriter writer = jsonl
        ? ReportWriter.create(ReportWriter.Format.jsonl, OutputStream.nullOutputStream(), null)
        : null;
    Consumer<ParseOutcome> sink = o -> {
      if (o instanceof ParseOutcome.Parsed p) {
        c.reports++;
        if (p.report() instanceof AggregateReport a) {
          c.records += a.records().size();
        }
        if (writer != null) {
          try {
            writer.write(p.report());
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      } else {
        c.failed++;
      }
    };
    long start = System.nanoTime();
    long deadline = start + secs * 1_000_000_000L;
    do {
      for (int i = 0; i < corpus.size(); i++) {
        extractor.extract("bench", corpus.get(i), 0, sink);
        c.bytes += corpus.get(i).length;
      }
      c.passes++;
    } while (System.nanoTime() < deadline);
    c.nanos = System.nanoTime() - start;
    return c;
  }

  private static final class Counts {
    long records;
    long reports;
    long failed;
    long bytes;
    long passes;
    long nanos;
  }
}
