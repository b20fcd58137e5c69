package dev.vigie.report.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.vigie.report.ReportKind;
import dev.vigie.report.aggregate.AggregateReport;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One report per line: {@code {"report_type": "aggregate", "report": {...}}} — the kind first, so
 * a consumer can route lines without parsing the rest.
 */
final class JsonLinesReportWriter implements ReportWriter {
  private static final byte[] AGGREGATE_START = JsonBytes.ascii(
      "{\"report_type\":\"" + ReportKind.AGGREGATE.jsonName() + "\",\"report\":");
  private static final byte[] LINE_END = JsonBytes.ascii("}\n");
  private final OutputStream out;
  private final SourceLookup lookup;
  private final Renderer renderer;

  JsonLinesReportWriter(OutputStream out, SourceLookup lookup) {
    this.out = out;
    this.lookup = lookup;
    this.renderer = newRenderer();
  }

  @Override
  public Renderer newRenderer() {
    ReportJson json = new ReportJson(lookup);
    AggregateReportLine aggregate = new AggregateReportLine(lookup);
    JsonBytes line = new JsonBytes(64 * 1024);
    ByteArrayBuilder buf = new ByteArrayBuilder(64 * 1024);
    return r -> {
      if (r instanceof AggregateReport a) { // most lines: written from a template
        line.reset();
        line.raw(AGGREGATE_START);
        aggregate.write(line, a);
        line.raw(LINE_END);
        return new Rendered(r.kind(), line.toByteArray());
      }
      buf.reset();
      try (JsonGenerator g = ReportJson.generator(buf)) {
        g.writeStartObject();
        g.writeStringField("report_type", r.kind().jsonName());
        g.writeFieldName("report");
        json.write(g, r);
        g.writeEndObject();
      }
      buf.write('\n');
      return new Rendered(r.kind(), buf.toByteArray());
    };
  }

  @Override
  public Renderer defaultRenderer() {
    return renderer;
  }

  @Override
  public void write(Rendered r) throws IOException {
    out.write(r.bytes());
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }
}
