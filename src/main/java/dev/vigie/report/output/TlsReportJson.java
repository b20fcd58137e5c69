package dev.vigie.report.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigie.report.tlsrpt.TlsFailureDetail;
import dev.vigie.report.tlsrpt.TlsPolicy;
import dev.vigie.report.tlsrpt.TlsReport;
import java.io.IOException;

/**
 * An SMTP TLS report in parsedmarc's JSON shape and field names; dates are ISO-8601 UTC. Lists
 * parsedmarc leaves out when empty (policy_strings, mx_host_patterns, failure_details) are written
 * as empty lists, and absent failure-detail fields as null, so every object has the same keys.
 */
public final class TlsReportJson {
  private TlsReportJson() {}

  public static void write(JsonGenerator g, TlsReport r) throws IOException {
    Timestamps ts = new Timestamps();
    g.writeStartObject();
    g.writeStringField("organization_name", r.organizationName());
    g.writeStringField("begin_date", ts.format(r.beginDate()));
    g.writeStringField("end_date", ts.format(r.endDate()));
    g.writeStringField("contact_info", r.contactInfo());
    g.writeStringField("report_id", r.reportId());
    g.writeArrayFieldStart("policies");
    for (TlsPolicy p : r.policies()) {
      policy(g, p);
    }
    g.writeEndArray();
    g.writeStringField("origin", r.origin());
    FailureReportJson.strings(g, "warnings", r.warnings());
    g.writeEndObject();
  }

  private static void policy(JsonGenerator g, TlsPolicy p) throws IOException {
    g.writeStartObject();
    g.writeStringField("policy_domain", p.policyDomain());
    g.writeStringField("policy_type", p.policyType());
    FailureReportJson.strings(g, "policy_strings", p.policyStrings());
    FailureReportJson.strings(g, "mx_host_patterns", p.mxHostPatterns());
    g.writeNumberField("successful_session_count", p.successfulSessionCount());
    g.writeNumberField("failed_session_count", p.failedSessionCount());
    g.writeArrayFieldStart("failure_details");
    for (TlsFailureDetail d : p.failureDetails()) {
      g.writeStartObject();
      g.writeStringField("result_type", d.resultType());
      g.writeNumberField("failed_session_count", d.failedSessionCount());
      g.writeStringField("sending_mta_ip", d.sendingMtaIp());
      g.writeStringField("receiving_ip", d.receivingIp());
      g.writeStringField("receiving_mx_hostname", d.receivingMxHostname());
      g.writeStringField("receiving_mx_helo", d.receivingMxHelo());
      g.writeStringField("additional_info_uri", d.additionalInfoUri());
      g.writeStringField("failure_reason_code", d.failureReasonCode());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
