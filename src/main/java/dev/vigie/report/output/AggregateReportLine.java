package dev.vigie.report.output;

import static dev.vigie.report.output.JsonBytes.ascii;

import dev.vigie.enrich.SourceInfo;
import dev.vigie.report.aggregate.AggregateRecord;
import dev.vigie.report.aggregate.AggregateReport;
import dev.vigie.report.aggregate.PolicyPublished;
import dev.vigie.report.aggregate.ReportMetadata;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An aggregate report as one line of compact JSON: the shape and bytes of
 * {@link AggregateReportJson} without a pretty printer (AggregateReportLineTest holds the two
 * equal), written as a fixed template with the values in its holes. JSON lines output is most of
 * a corpus parse's work after the XML itself, and a general-purpose generator's per-token
 * bookkeeping (open objects, commas, field-name state) cost ~10 % of it; the shape here never
 * varies, so every comma and field name is known in advance.
 */
final class AggregateReportLine {
  private static final byte[] XML_SCHEMA = ascii("{\"xml_schema\":");
  private static final byte[] XML_NAMESPACE = ascii(",\"xml_namespace\":");
  private static final byte[] ORG_NAME = ascii(",\"report_metadata\":{\"org_name\":");
  private static final byte[] ORG_EMAIL = ascii(",\"org_email\":");
  private static final byte[] ORG_EXTRA = ascii(",\"org_extra_contact_info\":");
  private static final byte[] REPORT_ID = ascii(",\"report_id\":");
  private static final byte[] BEGIN_DATE = ascii(",\"begin_date\":");
  private static final byte[] END_DATE = ascii(",\"end_date\":");
  private static final byte[] NEEDS_NORMALIZATION =
      ascii(",\"timespan_requires_normalization\":");
  private static final byte[] TIMESPAN = ascii(",\"original_timespan_seconds\":");
  private static final byte[] ERRORS = ascii(",\"errors\":[");
  private static final byte[] GENERATOR = ascii("],\"generator\":");
  private static final byte[] DOMAIN = ascii("},\"policy_published\":{\"domain\":");
  private static final byte[] ADKIM = ascii(",\"adkim\":");
  private static final byte[] ASPF = ascii(",\"aspf\":");
  private static final byte[] P = ascii(",\"p\":");
  private static final byte[] SP = ascii(",\"sp\":");
  private static final byte[] PCT = ascii(",\"pct\":");
  private static final byte[] FO = ascii(",\"fo\":");
  private static final byte[] NP = ascii(",\"np\":");
  private static final byte[] TESTING = ascii(",\"testing\":");
  private static final byte[] DISCOVERY = ascii(",\"discovery_method\":");
  private static final byte[] RECORDS = ascii("},\"records\":[");
  private static final byte[] ORIGIN = ascii("],\"origin\":");
  private static final byte[] WARNINGS = ascii(",\"warnings\":[");
  private static final byte[] END = ascii("]}");

  private static final byte[] IP = ascii("{\"source\":{\"ip_address\":");
  private static final byte[] NO_SOURCE_INFO = ascii(",\"country\":null,\"reverse_dns\":null,"
      + "\"base_domain\":null,\"name\":null,\"type\":null}");
  private static final byte[] COUNTRY = ascii(",\"country\":");
  private static final byte[] REVERSE_DNS = ascii(",\"reverse_dns\":");
  private static final byte[] BASE_DOMAIN = ascii(",\"base_domain\":");
  private static final byte[] NAME = ascii(",\"name\":");
  private static final byte[] TYPE = ascii(",\"type\":");
  private static final byte[] COUNT = ascii(",\"count\":");
  private static final byte[] ALIGN_SPF = ascii(",\"alignment\":{\"spf\":");
  private static final byte[] ALIGN_DKIM = ascii(",\"dkim\":");
  private static final byte[] ALIGN_DMARC = ascii(",\"dmarc\":");
  private static final byte[] DISPOSITION = ascii("},\"policy_evaluated\":{\"disposition\":");
  private static final byte[] EVAL_DKIM = ascii(",\"dkim\":");
  private static final byte[] EVAL_SPF = ascii(",\"spf\":");
  private static final byte[] OVERRIDES = ascii(",\"policy_override_reasons\":[");
  private static final byte[] OVERRIDE_TYPE = ascii("{\"type\":");
  private static final byte[] OVERRIDE_COMMENT = ascii(",\"comment\":");
  private static final byte[] HEADER_FROM = ascii("]},\"identifiers\":{\"header_from\":");
  private static final byte[] ENVELOPE_FROM = ascii(",\"envelope_from\":");
  private static final byte[] ENVELOPE_TO = ascii(",\"envelope_to\":");
  private static final byte[] AUTH_DKIM = ascii("},\"auth_results\":{\"dkim\":[");
  private static final byte[] RESULT_DOMAIN = ascii("{\"domain\":");
  private static final byte[] SELECTOR = ascii(",\"selector\":");
  private static final byte[] SCOPE = ascii(",\"scope\":");
  private static final byte[] RESULT = ascii(",\"result\":");
  private static final byte[] HUMAN_RESULT = ascii(",\"human_result\":");
  private static final byte[] AUTH_SPF = ascii("],\"spf\":[");
  private static final byte[] NORMALIZED = ascii("]},\"normalized_timespan\":");
  private static final byte[] INTERVAL_BEGIN = ascii(",\"interval_begin\":");
  private static final byte[] INTERVAL_END = ascii(",\"interval_end\":");

  private final Timestamps ts = new Timestamps();
  private final SourceLookup lookup;

  AggregateReportLine(SourceLookup lookup) {
    this.lookup = lookup;
  }

  void write(JsonBytes o, AggregateReport r) {
    Map<String, SourceInfo> sources = lookup.sources(r);
    ReportMetadata m = r.metadata();
    o.raw(XML_SCHEMA).string(r.xmlSchema());
    o.raw(XML_NAMESPACE).string(r.xmlNamespace());
    o.raw(ORG_NAME).string(m.orgName());
    o.raw(ORG_EMAIL).string(m.orgEmail());
    o.raw(ORG_EXTRA).string(m.orgExtraContactInfo());
    o.raw(REPORT_ID).string(m.reportId());
    o.raw(BEGIN_DATE).string(ts.format(m.begin()));
    o.raw(END_DATE).string(ts.format(m.end()));
    o.raw(NEEDS_NORMALIZATION).bool(m.timespanSeconds() > 86_400);
    o.raw(TIMESPAN).number(m.timespanSeconds());
    o.raw(ERRORS);
    list(o, m.errors());
    o.raw(GENERATOR).string(m.generator());
    PolicyPublished p = r.policy();
    o.raw(DOMAIN).string(p.domain());
    o.raw(ADKIM).string(p.adkim());
    o.raw(ASPF).string(p.aspf());
    o.raw(P).string(p.p());
    o.raw(SP).string(p.sp());
    o.raw(PCT).string(p.pct());
    o.raw(FO).string(p.fo());
    o.raw(NP).string(p.np());
    o.raw(TESTING).string(p.testing());
    o.raw(DISCOVERY).string(p.discoveryMethod());
    o.raw(RECORDS);
    List<AggregateRecord> records = r.records();
    for (int i = 0; i < records.size(); i++) {
      if (i > 0) {
        o.raw(',');
      }
      AggregateRecord rec = records.get(i);
      record(o, rec, sources.get(rec.sourceIp()));
    }
    o.raw(ORIGIN).string(r.origin());
    o.raw(WARNINGS);
    list(o, r.warnings());
    o.raw(END);
  }

  private void record(JsonBytes o, AggregateRecord r, @Nullable SourceInfo info) {
    o.raw(IP).string(r.sourceIp());
    if (info == null) {
      o.raw(NO_SOURCE_INFO);
    } else {
      o.raw(COUNTRY).string(info.country());
      o.raw(REVERSE_DNS).string(info.reverseDns());
      o.raw(BASE_DOMAIN).string(info.baseDomain());
      o.raw(NAME).string(info.sender() == null ? null : info.sender().name());
      o.raw(TYPE).string(info.sender() == null ? null : info.sender().category().id());
      o.raw('}');
    }
    o.raw(COUNT).number(r.count());
    o.raw(ALIGN_SPF).bool(r.spfAligned());
    o.raw(ALIGN_DKIM).bool(r.dkimAligned());
    o.raw(ALIGN_DMARC).bool(r.dmarcPass());
    o.raw(DISPOSITION).string(r.disposition());
    o.raw(EVAL_DKIM).string(r.dkimEvaluated());
    o.raw(EVAL_SPF).string(r.spfEvaluated());
    o.raw(OVERRIDES);
    List<AggregateRecord.PolicyOverride> overrides = r.overrides();
    for (int i = 0; i < overrides.size(); i++) {
      AggregateRecord.PolicyOverride po = overrides.get(i);
      if (i > 0) {
        o.raw(',');
      }
      o.raw(OVERRIDE_TYPE).string(po.type());
      o.raw(OVERRIDE_COMMENT).string(po.comment()).raw('}');
    }
    o.raw(HEADER_FROM).string(r.headerFrom());
    o.raw(ENVELOPE_FROM).string(r.envelopeFrom());
    o.raw(ENVELOPE_TO).string(r.envelopeTo());
    o.raw(AUTH_DKIM);
    List<AggregateRecord.DkimResult> dkim = r.dkim();
    for (int i = 0; i < dkim.size(); i++) {
      AggregateRecord.DkimResult d = dkim.get(i);
      if (i > 0) {
        o.raw(',');
      }
      o.raw(RESULT_DOMAIN).string(d.domain());
      o.raw(SELECTOR).string(d.selector());
      o.raw(RESULT).string(d.result());
      o.raw(HUMAN_RESULT).string(d.humanResult()).raw('}');
    }
    o.raw(AUTH_SPF);
    List<AggregateRecord.SpfResult> spf = r.spf();
    for (int i = 0; i < spf.size(); i++) {
      AggregateRecord.SpfResult s = spf.get(i);
      if (i > 0) {
        o.raw(',');
      }
      o.raw(RESULT_DOMAIN).string(s.domain());
      o.raw(SCOPE).string(s.scope());
      o.raw(RESULT).string(s.result());
      o.raw(HUMAN_RESULT).string(s.humanResult()).raw('}');
    }
    o.raw(NORMALIZED).bool(r.normalizedTimespan());
    o.raw(INTERVAL_BEGIN).string(ts.format(r.intervalBegin()));
    o.raw(INTERVAL_END).string(ts.format(r.intervalEnd())).raw('}');
  }

  private static void list(JsonBytes o, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        o.raw(',');
      }
      o.string(values.get(i));
    }
  }
}
