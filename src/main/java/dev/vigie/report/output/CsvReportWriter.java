package dev.vigie.report.output;

import dev.vigie.report.ReportKind;
import dev.vigie.report.aggregate.AggregateReport;
import dev.vigie.report.failure.FailureReport;
import dev.vigie.report.tlsrpt.TlsReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * CSV, one aggregate record per row. Failure and TLS reports have other columns, so with
 * {@code --out FILE} they go to {@code FILE.failure.csv} and {@code FILE.smtp_tls.csv}; on stdout
 * they are left out and counted in a closing note on stderr.
 */
final class CsvReportWriter implements ReportWriter {
  private final OutputStream main;
  private final @Nullable Path outFile;
  private final SourceLookup lookup;
  private final Renderer renderer;
  private @Nullable OutputStream failures;
  private @Nullable OutputStream tls;
  private int skipped;

  CsvReportWriter(OutputStream out, @Nullable Path outFile, SourceLookup lookup)
      throws IOException {
    this.main = out;
    this.outFile = outFile;
    this.lookup = lookup;
    this.renderer = newRenderer();
    main.write(header(AggregateReportCsv.header()));
  }

  @Override
  public Renderer newRenderer() {
    AggregateReportCsv aggregate = new AggregateReportCsv(lookup);
    return r -> {
      StringWriter w = new StringWriter(4096);
      List<List<String>> rows;
      if (r instanceof AggregateReport a) {
        rows = aggregate.rows(a);
      } else if (r instanceof FailureReport f) {
        rows = FailureReportCsv.rows(f);
      } else if (r instanceof TlsReport t) {
        rows = TlsReportCsv.rows(t);
      } else {
        throw new IllegalArgumentException("no CSV shape for " + r.kind());
      }
      for (List<String> row : rows) {
        Csv.row(w, row);
      }
      return new Rendered(r.kind(), w.toString().getBytes(StandardCharsets.UTF_8));
    };
  }

  @Override
  public Renderer defaultRenderer() {
    return renderer;
  }

  @Override
  public void write(Rendered r) throws IOException {
    if (r.kind() == ReportKind.AGGREGATE) {
      main.write(r.bytes());
    } else if (outFile == null) {
      skipped++;
    } else if (r.kind() == ReportKind.FAILURE) {
      if (failures == null) {
        failures = sibling(".failure.csv", FailureReportCsv.header());
      }
      failures.write(r.bytes());
    } else {
      if (tls == null) {
        tls = sibling(".smtp_tls.csv", TlsReportCsv.header());
      }
      tls.write(r.bytes());
    }
  }

  private OutputStream sibling(String suffix, List<String> header) throws IOException {
    Path p = outFile.resolveSibling(outFile.getFileName() + suffix);
    OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(p), 1 << 16);
    o.write(header(header));
    return o;
  }

  private static byte[] header(List<String> columns) throws IOException {
    StringWriter w = new StringWriter();
    Csv.row(w, columns);
    return w.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    main.flush();
    if (failures != null) {
      failures.close();
    }
    if (tls != null) {
      tls.close();
    }
    if (skipped > 0) {
      System.err.println("vigie: " + skipped + " failure/TLS report(s) not written: CSV on stdout"
          + " holds aggregate records only; use --out FILE to get FILE.failure.csv and"
          + " FILE.smtp_tls.csv");
    }
  }
}
