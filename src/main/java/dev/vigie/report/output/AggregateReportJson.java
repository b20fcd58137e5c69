package dev.vigie.report.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.vigie.enrich.SourceInfo;
import dev.vigie.report.aggregate.AggregateRecord;
import dev.vigie.report.aggregate.AggregateReport;
import dev.vigie.report.aggregate.PolicyPublished;
import dev.vigie.report.aggregate.ReportMetadata;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * An aggregate report in parsedmarc's JSON shape and field names, so pipelines built on parsedmarc
 * read it unchanged; dates are ISO-8601 UTC. The source's enrichment fields (country, reverse_dns,
 * base_domain, name, type) are null here: enrichment is a separate step. JSON lines use the
 * same shape from a template ({@link AggregateReportLine}); this one serves the pretty printer.
 */
public final class AggregateReportJson {
  // Field names pre-encoded once: writing them is most of the output work.
  private static final SerializedString K_ADKIM = new SerializedString("adkim");
  private static final SerializedString K_ALIGNMENT = new SerializedString("alignment");
  private static final SerializedString K_ASPF = new SerializedString("aspf");
  private static final SerializedString K_AUTH_RESULTS = new SerializedString("auth_results");
  private static final SerializedString K_BASE_DOMAIN = new SerializedString("base_domain");
  private static final SerializedString K_BEGIN_DATE = new SerializedString("begin_date");
  private static final SerializedString K_COMMENT = new SerializedString("comment");
  private static final SerializedString K_COUNT = new SerializedString("count");
  private static final SerializedString K_COUNTRY = new SerializedString("country");
  private static final SerializedString K_DISCOVERY_METHOD = new SerializedString("discovery_method");
  private static final SerializedString K_DISPOSITION = new SerializedString("disposition");
  private static final SerializedString K_DKIM = new SerializedString("dkim");
  private static final SerializedString K_DMARC = new SerializedString("dmarc");
  private static final SerializedString K_DOMAIN = new SerializedString("domain");
  private static final SerializedString K_END_DATE = new SerializedString("end_date");
  private static final SerializedString K_ENVELOPE_FROM = new SerializedString("envelope_from");
  private static final SerializedString K_ENVELOPE_TO = new SerializedString("envelope_to");
  private static final SerializedString K_ERRORS = new SerializedString("errors");
  private static final SerializedString K_FO = new SerializedString("fo");
  private static final SerializedString K_GENERATOR = new SerializedString("generator");
  private static final SerializedString K_HEADER_FROM = new SerializedString("header_from");
  private static final SerializedString K_HUMAN_RESULT = new SerializedString("human_result");
  private static final SerializedString K_IDENTIFIERS = new SerializedString("identifiers");
  private static final SerializedString K_INTERVAL_BEGIN = new SerializedString("interval_begin");
  private static final SerializedString K_INTERVAL_END = new SerializedString("interval_end");
  private static final SerializedString K_IP_ADDRESS = new SerializedString("ip_address");
  private static final SerializedString K_NAME = new SerializedString("name");
  private static final SerializedString K_NORMALIZED_TIMESPAN = new SerializedString("normalized_timespan");
  private static final SerializedString K_NP = new SerializedString("np");
  private static final SerializedString K_ORG_EMAIL = new SerializedString("org_email");
  private static final SerializedString K_ORG_EXTRA_CONTACT_INFO = new SerializedString("org_extra_contact_info");
  private static final SerializedString K_ORG_NAME = new SerializedString("org_name");
  private static final SerializedString K_ORIGIN = new SerializedString("origin");
  private static final SerializedString K_ORIGINAL_TIMESPAN_SECONDS = new SerializedString("original_timespan_seconds");
  private static final SerializedString K_P = new SerializedString("p");
  private static final SerializedString K_PCT = new SerializedString("pct");
  private static final SerializedString K_POLICY_EVALUATED = new SerializedString("policy_evaluated");
  private static final SerializedString K_POLICY_OVERRIDE_REASONS = new SerializedString("policy_override_reasons");
  private static final SerializedString K_POLICY_PUBLISHED = new SerializedString("policy_published");
  private static final SerializedString K_RECORDS = new SerializedString("records");
  private static final SerializedString K_REPORT_ID = new SerializedString("report_id");
  private static final SerializedString K_REPORT_METADATA = new SerializedString("report_metadata");
  private static final SerializedString K_RESULT = new SerializedString("result");
  private static final SerializedString K_REVERSE_DNS = new SerializedString("reverse_dns");
  private static final SerializedString K_SCOPE = new SerializedString("scope");
  private static final SerializedString K_SELECTOR = new SerializedString("selector");
  private static final SerializedString K_SOURCE = new SerializedString("source");
  private static final SerializedString K_SP = new SerializedString("sp");
  private static final SerializedString K_SPF = new SerializedString("spf");
  private static final SerializedString K_TESTING = new SerializedString("testing");
  private static final SerializedString K_TIMESPAN_REQUIRES_NORMALIZATION = new SerializedString("timespan_requires_normalization");
  private static final SerializedString K_TYPE = new SerializedString("type");
  private static final SerializedString K_WARNINGS = new SerializedString("warnings");
  private static final SerializedString K_XML_NAMESPACE = new SerializedString("xml_namespace");
  private static final SerializedString K_XML_SCHEMA = new SerializedString("xml_schema");

  private final Timestamps ts = new Timestamps();
  private final SourceLookup lookup;

  public AggregateReportJson() {
    this(SourceLookup.NONE);
  }

  public AggregateReportJson(SourceLookup lookup) {
    this.lookup = lookup;
  }

  public void write(JsonGenerator g, AggregateReport r) throws IOException {
    java.util.Map<String, SourceInfo> sources = lookup.sources(r);
    g.writeStartObject();
    str(g, K_XML_SCHEMA, r.xmlSchema());
    str(g, K_XML_NAMESPACE, r.xmlNamespace());
    ReportMetadata m = r.metadata();
    g.writeFieldName(K_REPORT_METADATA); g.writeStartObject();
    str(g, K_ORG_NAME, m.orgName());
    str(g, K_ORG_EMAIL, m.orgEmail());
    str(g, K_ORG_EXTRA_CONTACT_INFO, m.orgExtraContactInfo());
    str(g, K_REPORT_ID, m.reportId());
    str(g, K_BEGIN_DATE, ts.format(m.begin()));
    str(g, K_END_DATE, ts.format(m.end()));
    g.writeFieldName(K_TIMESPAN_REQUIRES_NORMALIZATION); g.writeBoolean(m.timespanSeconds() > 86_400);
    g.writeFieldName(K_ORIGINAL_TIMESPAN_SECONDS); g.writeNumber(m.timespanSeconds());
    g.writeFieldName(K_ERRORS); g.writeStartArray();
    for (String e : m.errors()) {
      g.writeString(e);
    }
    g.writeEndArray();
    str(g, K_GENERATOR, m.generator());
    g.writeEndObject();
    PolicyPublished p = r.policy();
    g.writeFieldName(K_POLICY_PUBLISHED); g.writeStartObject();
    str(g, K_DOMAIN, p.domain());
    str(g, K_ADKIM, p.adkim());
    str(g, K_ASPF, p.aspf());
    str(g, K_P, p.p());
    str(g, K_SP, p.sp());
    str(g, K_PCT, p.pct());
    str(g, K_FO, p.fo());
    str(g, K_NP, p.np());
    str(g, K_TESTING, p.testing());
    str(g, K_DISCOVERY_METHOD, p.discoveryMethod());
    g.writeEndObject();
    g.writeFieldName(K_RECORDS); g.writeStartArray();
    for (AggregateRecord rec : r.records()) {
      record(g, rec, sources.get(rec.sourceIp()));
    }
    g.writeEndArray();
    str(g, K_ORIGIN, r.origin());
    g.writeFieldName(K_WARNINGS); g.writeStartArray();
    for (String w : r.warnings()) {
      g.writeString(w);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private void record(JsonGenerator g, AggregateRecord r, @Nullable SourceInfo info)
      throws IOException {
    g.writeStartObject();
    g.writeFieldName(K_SOURCE); g.writeStartObject();
    str(g, K_IP_ADDRESS, r.sourceIp());
    str(g, K_COUNTRY, info == null ? null : info.country());
    str(g, K_REVERSE_DNS, info == null ? null : info.reverseDns());
    str(g, K_BASE_DOMAIN, info == null ? null : info.baseDomain());
    str(g, K_NAME, info == null || info.sender() == null ? null : info.sender().name());
    str(g, K_TYPE, info == null || info.sender() == null ? null
        : info.sender().category().id());
    g.writeEndObject();
    g.writeFieldName(K_COUNT); g.writeNumber(r.count());
    g.writeFieldName(K_ALIGNMENT); g.writeStartObject();
    g.writeFieldName(K_SPF); g.writeBoolean(r.spfAligned());
    g.writeFieldName(K_DKIM); g.writeBoolean(r.dkimAligned());
    g.writeFieldName(K_DMARC); g.writeBoolean(r.dmarcPass());
    g.writeEndObject();
    g.writeFieldName(K_POLICY_EVALUATED); g.writeStartObject();
    str(g, K_DISPOSITION, r.disposition());
    str(g, K_DKIM, r.dkimEvaluated());
    str(g, K_SPF, r.spfEvaluated());
    g.writeFieldName(K_POLICY_OVERRIDE_REASONS); g.writeStartArray();
    for (AggregateRecord.PolicyOverride o : r.overrides()) {
      g.writeStartObject();
      str(g, K_TYPE, o.type());
      str(g, K_COMMENT, o.comment());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeFieldName(K_IDENTIFIERS); g.writeStartObject();
    str(g, K_HEADER_FROM, r.headerFrom());
    str(g, K_ENVELOPE_FROM, r.envelopeFrom());
    str(g, K_ENVELOPE_TO, r.envelopeTo());
    g.writeEndObject();
    g.writeFieldName(K_AUTH_RESULTS); g.writeStartObject();
    g.writeFieldName(K_DKIM); g.writeStartArray();
    for (AggregateRecord.DkimResult d : r.dkim()) {
      g.writeStartObject();
      str(g, K_DOMAIN, d.domain());
      str(g, K_SELECTOR, d.selector());
      str(g, K_RESULT, d.result());
      str(g, K_HUMAN_RESULT, d.humanResult());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeFieldName(K_SPF); g.writeStartArray();
    for (AggregateRecord.SpfResult s : r.spf()) {
      g.writeStartObject();
      str(g, K_DOMAIN, s.domain());
      str(g, K_SCOPE, s.scope());
      str(g, K_RESULT, s.result());
      str(g, K_HUMAN_RESULT, s.humanResult());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeFieldName(K_NORMALIZED_TIMESPAN); g.writeBoolean(r.normalizedTimespan());
    str(g, K_INTERVAL_BEGIN, ts.format(r.intervalBegin()));
    str(g, K_INTERVAL_END, ts.format(r.intervalEnd()));
    g.writeEndObject();
  }

  private static void str(JsonGenerator g, SerializedString key, @Nullable String value) throws IOException {
    g.writeFieldName(key);
    if (value == null) {
      g.writeNull();
    } else {
      g.writeString(value);
    }
  }
}
