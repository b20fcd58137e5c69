package dev.vigie.report.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigie.report.aggregate.AggregateRecord;
import dev.vigie.report.aggregate.AggregateReport;
import dev.vigie.report.aggregate.PolicyPublished;
import dev.vigie.report.aggregate.ReportMetadata;
import java.io.IOException;

/**
 * An aggregate report in parsedmarc's JSON shape and field names, so pipelines built on parsedmarc
 * read it unchanged; dates are ISO-8601 UTC. The source's enrichment fields (country, reverse_dns,
 * base_domain, name, type) are null here: enrichment is a separate step.
 */
public final class AggregateReportJson {
  private final Timestamps ts = new Timestamps();

  public void write(JsonGenerator g, AggregateReport r) throws IOException {
    g.writeStartObject();
    g.writeStringField("xml_schema", r.xmlSchema());
    g.writeStringField("xml_namespace", r.xmlNamespace());
    ReportMetadata m = r.metadata();
    g.writeObjectFieldStart("report_metadata");
    g.writeStringField("org_name", m.orgName());
    g.writeStringField("org_email", m.orgEmail());
    g.writeStringField("org_extra_contact_info", m.orgExtraContactInfo());
    g.writeStringField("report_id", m.reportId());
    g.writeStringField("begin_date", ts.format(m.begin()));
    g.writeStringField("end_date", ts.format(m.end()));
    g.writeBooleanField("timespan_requires_normalization", m.timespanSeconds() > 86_400);
    g.writeNumberField("original_timespan_seconds", m.timespanSeconds());
    g.writeArrayFieldStart("errors");
    for (String e : m.errors()) {
      g.writeString(e);
    }
    g.writeEndArray();
    g.writeStringField("generator", m.generator());
    g.writeEndObject();
    PolicyPublished p = r.policy();
    g.writeObjectFieldStart("policy_published");
    g.writeStringField("domain", p.domain());
    g.writeStringField("adkim", p.adkim());
    g.writeStringField("aspf", p.aspf());
    g.writeStringField("p", p.p());
    g.writeStringField("sp", p.sp());
    g.writeStringField("pct", p.pct());
    g.writeStringField("fo", p.fo());
    g.writeStringField("np", p.np());
    g.writeStringField("testing", p.testing());
    g.writeStringField("discovery_method", p.discoveryMethod());
    g.writeEndObject();
    g.writeArrayFieldStart("records");
    for (AggregateRecord rec : r.records()) {
      record(g, rec);
    }
    g.writeEndArray();
    g.writeStringField("origin", r.origin());
    g.writeArrayFieldStart("warnings");
    for (String w : r.warnings()) {
      g.writeString(w);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private void record(JsonGenerator g, AggregateRecord r) throws IOException {
    g.writeStartObject();
    g.writeObjectFieldStart("source");
    g.writeStringField("ip_address", r.sourceIp());
    g.writeNullField("country");
    g.writeNullField("reverse_dns");
    g.writeNullField("base_domain");
    g.writeNullField("name");
    g.writeNullField("type");
    g.writeEndObject();
    g.writeNumberField("count", r.count());
    g.writeObjectFieldStart("alignment");
    g.writeBooleanField("spf", r.spfAligned());
    g.writeBooleanField("dkim", r.dkimAligned());
    g.writeBooleanField("dmarc", r.dmarcPass());
    g.writeEndObject();
    g.writeObjectFieldStart("policy_evaluated");
    g.writeStringField("disposition", r.disposition());
    g.writeStringField("dkim", r.dkimEvaluated());
    g.writeStringField("spf", r.spfEvaluated());
    g.writeArrayFieldStart("policy_override_reasons");
    for (AggregateRecord.PolicyOverride o : r.overrides()) {
      g.writeStartObject();
      g.writeStringField("type", o.type());
      g.writeStringField("comment", o.comment());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeObjectFieldStart("identifiers");
    g.writeStringField("header_from", r.headerFrom());
    g.writeStringField("envelope_from", r.envelopeFrom());
    g.writeStringField("envelope_to", r.envelopeTo());
    g.writeEndObject();
    g.writeObjectFieldStart("auth_results");
    g.writeArrayFieldStart("dkim");
    for (AggregateRecord.DkimResult d : r.dkim()) {
      g.writeStartObject();
      g.writeStringField("domain", d.domain());
      g.writeStringField("selector", d.selector());
      g.writeStringField("result", d.result());
      g.writeStringField("human_result", d.humanResult());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("spf");
    for (AggregateRecord.SpfResult s : r.spf()) {
      g.writeStartObject();
      g.writeStringField("domain", s.domain());
      g.writeStringField("scope", s.scope());
      g.writeStringField("result", s.result());
      g.writeStringField("human_result", s.humanResult());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeBooleanField("normalized_timespan", r.normalizedTimespan());
    g.writeStringField("interval_begin", ts.format(r.intervalBegin()));
    g.writeStringField("interval_end", ts.format(r.intervalEnd()));
    g.writeEndObject();
  }
}
