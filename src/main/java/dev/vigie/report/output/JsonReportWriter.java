package dev.vigie.report.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.vigie.report.ReportKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One JSON document as parsedmarc prints it: {@code {"aggregate_reports": [...],
 * "failure_reports": [...], "smtp_tls_reports": [...]}}. Aggregate reports stream straight out;
 * the (small) failure and TLS reports are held until the end.
 */
final class JsonReportWriter implements ReportWriter {
  private static final byte[] SEPARATOR = ",\n".getBytes(StandardCharsets.US_ASCII);
  private final OutputStream out;
  private final SourceLookup lookup;
  private final Renderer renderer;
  private final ByteArrayOutputStream failures = new ByteArrayOutputStream();
  private final ByteArrayOutputStream tls = new ByteArrayOutputStream();
  private boolean firstAggregate = true;

  JsonReportWriter(OutputStream out, SourceLookup lookup) throws IOException {
    this.out = out;
    this.lookup = lookup;
    this.renderer = newRenderer();
    out.write("{\"aggregate_reports\": [\n".getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public Renderer newRenderer() {
    ReportJson json = new ReportJson(lookup);
    ByteArrayBuilder buf = new ByteArrayBuilder(64 * 1024);
    return r -> {
      buf.reset();
      try (JsonGenerator g = ReportJson.generator(buf).useDefaultPrettyPrinter()) {
        json.write(g, r);
      }
      return new Rendered(r.kind(), buf.toByteArray());
    };
  }

  @Override
  public Renderer defaultRenderer() {
    return renderer;
  }

  @Override
  public void write(Rendered r) throws IOException {
    if (r.kind() == ReportKind.AGGREGATE) {
      if (!firstAggregate) {
        out.write(SEPARATOR);
      }
      firstAggregate = false;
      out.write(r.bytes());
    } else {
      ByteArrayOutputStream held = r.kind() == ReportKind.FAILURE ? failures : tls;
      if (held.size() > 0) {
        held.write(SEPARATOR);
      }
      held.write(r.bytes());
    }
  }

  @Override
  public void close() throws IOException {
    out.write("\n],\n\"failure_reports\": [\n".getBytes(StandardCharsets.US_ASCII));
    failures.writeTo(out);
    out.write("\n],\n\"smtp_tls_reports\": [\n".getBytes(StandardCharsets.US_ASCII));
    tls.writeTo(out);
    out.write("\n]}\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }
}
