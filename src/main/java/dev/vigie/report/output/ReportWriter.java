package dev.vigie.report.output;

import dev.vigie.report.Report;
import dev.vigie.report.ReportKind;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Writes parsed reports in one of the output formats of {@code vigie parse}.
 *
 * <p>Rendering (report → bytes) is split from writing so that worker threads can render in
 * parallel while one thread writes in input order: each worker takes its own {@link #newRenderer()}.
 */
public interface ReportWriter extends Closeable {
  /** Output formats; names as given to {@code --format}. */
  enum Format { json, jsonl, csv }

  /** Turns reports into this format's bytes. Confined to one thread. */
  interface Renderer {
    Rendered render(Report report) throws IOException;
  }

  /** One report rendered: its kind decides where the bytes go. */
  record Rendered(ReportKind kind, byte[] bytes) {}

  Renderer newRenderer();

  /** Writes a rendered report. Called from one thread, in output order. */
  void write(Rendered rendered) throws IOException;

  /** Renders and writes, for single-threaded callers. */
  default void write(Report report) throws IOException {
    write(defaultRenderer().render(report));
  }

  Renderer defaultRenderer();

  /**
   * @param out where the main output goes
   * @param outFile the file behind {@code out}, or null for stdout (CSV puts failure and TLS rows
   *     in sibling files of it)
   */
  static ReportWriter create(Format format, OutputStream out, @Nullable Path outFile)
      throws IOException {
    return create(format, out, outFile, SourceLookup.NONE);
  }

  /** @param lookup fills the source fields (country, reverse_dns, base_domain, name, type) */
  static ReportWriter create(Format format, OutputStream out, @Nullable Path outFile,
      SourceLookup lookup) throws IOException {
    return switch (format) {
      case json -> new JsonReportWriter(out, lookup);
      case jsonl -> new JsonLinesReportWriter(out, lookup);
      case csv -> new CsvReportWriter(out, outFile, lookup);
    };
  }
}
