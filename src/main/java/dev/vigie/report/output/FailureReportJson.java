package dev.vigie.report.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigie.report.failure.FailureReport;
import dev.vigie.report.failure.SampleSummary;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A failure report in parsedmarc's JSON shape and field names. As in {@link AggregateReportJson},
 * the source's enrichment fields are null (enrichment is a separate step), and dates are ISO-8601
 * UTC; arrival_date_utc repeats arrival_date for pipelines that read parsedmarc's name.
 * parsed_sample is kept to five fields rather than parsedmarc's full mailparser dump.
 */
public final class FailureReportJson {
  private FailureReportJson() {}

  public static void write(JsonGenerator g, FailureReport r) throws IOException {
    Timestamps ts = new Timestamps();
    g.writeStartObject();
    g.writeStringField("feedback_type", r.feedbackType());
    g.writeStringField("user_agent", r.userAgent());
    g.writeStringField("version", r.version());
    g.writeStringField("original_envelope_id", r.originalEnvelopeId());
    g.writeStringField("original_mail_from", r.originalMailFrom());
    g.writeStringField("original_rcpt_to", r.originalRcptTo());
    g.writeStringField("arrival_date", date(ts, r.arrivalDate()));
    g.writeStringField("arrival_date_utc", date(ts, r.arrivalDate()));
    g.writeStringField("authentication_results", r.authenticationResults());
    g.writeStringField("delivery_result", r.deliveryResult());
    strings(g, "auth_failure", r.authFailure());
    strings(g, "authentication_mechanisms", r.authenticationMechanisms());
    g.writeStringField("dkim_domain", r.dkimDomain());
    g.writeStringField("reported_domain", r.reportedDomain());
    g.writeStringField("identity_alignment", r.identityAlignment());
    g.writeObjectFieldStart("source");
    g.writeStringField("ip_address", r.sourceIp());
    g.writeNullField("country");
    g.writeNullField("reverse_dns");
    g.writeNullField("base_domain");
    g.writeNullField("name");
    g.writeNullField("type");
    g.writeEndObject();
    g.writeBooleanField("sample_headers_only", r.sampleHeadersOnly());
    g.writeStringField("sample", r.sample());
    SampleSummary s = r.parsedSample();
    g.writeObjectFieldStart("parsed_sample");
    g.writeStringField("from", s.from());
    g.writeStringField("to", s.to());
    g.writeStringField("subject", s.subject());
    g.writeStringField("date", date(ts, s.date()));
    g.writeStringField("message_id", s.messageId());
    g.writeEndObject();
    g.writeStringField("origin", r.origin());
    strings(g, "warnings", r.warnings());
    g.writeEndObject();
  }

  static @Nullable String date(Timestamps ts, @Nullable Instant t) {
    return t == null ? null : ts.format(t);
  }

  static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
