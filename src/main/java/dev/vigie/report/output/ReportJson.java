package dev.vigie.report.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.vigie.report.Report;
import dev.vigie.report.aggregate.AggregateReport;
import dev.vigie.report.failure.FailureReport;
import dev.vigie.report.tlsrpt.TlsReport;
import java.io.IOException;
import java.io.OutputStream;

/** Dispatches a report to the JSON shape of its kind. */
final class ReportJson {
  static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private final AggregateReportJson aggregate;

  ReportJson(SourceLookup lookup) {
    this.aggregate = new AggregateReportJson(lookup);
  }

  static JsonGenerator generator(OutputStream out) throws IOException {
    return FACTORY.createGenerator(out);
  }

  void write(JsonGenerator g, Report r) throws IOException {
    if (r instanceof AggregateReport a) {
      aggregate.write(g, a);
    } else if (r instanceof FailureReport f) {
      FailureReportJson.write(g, f);
    } else if (r instanceof TlsReport t) {
      TlsReportJson.write(g, t);
    } else {
      throw new IllegalArgumentException("no JSON shape for " + r.kind());
    }
  }
}
