package dev.vigie.report.output;

import dev.vigie.report.aggregate.AggregateRecord;
import dev.vigie.report.aggregate.AggregateReport;
import dev.vigie.report.aggregate.PolicyPublished;
import dev.vigie.report.aggregate.ReportMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One CSV row per aggregate record, with parsedmarc's column names. */
public final class AggregateReportCsv {
  private static final List<String> HEADER = List.of("xml_schema", "org_name", "org_email",
      "org_extra_contact_info", "report_id", "begin_date", "end_date", "normalized_timespan",
      "errors", "domain", "adkim", "aspf", "p", "sp", "pct", "fo", "np", "testing",
      "discovery_method", "source_ip_address", "source_country", "source_reverse_dns",
      "source_base_domain", "source_name", "source_type", "count", "spf_aligned", "dkim_aligned",
      "dmarc_aligned", "disposition", "policy_override_reasons", "policy_override_comments",
      "envelope_from", "header_from", "envelope_to", "dkim_domains", "dkim_selectors",
      "dkim_results", "spf_domains", "spf_scopes", "spf_results", "origin");

  private final Timestamps ts = new Timestamps();
  private final SourceLookup lookup;

  public AggregateReportCsv() {
    this(SourceLookup.NONE);
  }

  public AggregateReportCsv(SourceLookup lookup) {
    this.lookup = lookup;
  }

  public static List<String> header() {
    return HEADER;
  }

  public List<List<String>> rows(AggregateReport r) {
    ReportMetadata m = r.metadata();
    PolicyPublished p = r.policy();
    List<List<String>> rows = new ArrayList<>(r.records().size());
    java.util.Map<String, dev.vigie.enrich.SourceInfo> sources = lookup.sources(r);
    for (AggregateRecord rec : r.records()) {
      dev.vigie.enrich.SourceInfo info = sources.get(rec.sourceIp());
      List<String> row = new ArrayList<>(HEADER.size());
      row.add(r.xmlSchema());
      row.add(m.orgName());
      row.add(m.orgEmail());
      row.add(m.orgExtraContactInfo());
      row.add(m.reportId());
      row.add(ts.format(rec.intervalBegin()));
      row.add(ts.format(rec.intervalEnd()));
      row.add(Boolean.toString(rec.normalizedTimespan()));
      row.add(String.join("|", m.errors()));
      row.add(p.domain());
      row.add(p.adkim());
      row.add(p.aspf());
      row.add(p.p());
      row.add(p.sp());
      row.add(p.pct());
      row.add(p.fo());
      row.add(p.np());
      row.add(p.testing());
      row.add(p.discoveryMethod());
      row.add(rec.sourceIp());
      row.add(info == null ? null : info.country());
      row.add(info == null ? null : info.reverseDns());
      row.add(info == null ? null : info.baseDomain());
      row.add(info == null || info.sender() == null ? null : info.sender().name());
      row.add(info == null || info.sender() == null ? null : info.sender().category().id());
      row.add(Long.toString(rec.count()));
      row.add(Boolean.toString(rec.spfAligned()));
      row.add(Boolean.toString(rec.dkimAligned()));
      row.add(Boolean.toString(rec.dmarcPass()));
      row.add(rec.disposition());
      row.add(join(rec.overrides(), AggregateRecord.PolicyOverride::type));
      row.add(join(rec.overrides(), o -> o.comment() == null ? "" : o.comment()));
      row.add(rec.envelopeFrom());
      row.add(rec.headerFrom());
      row.add(rec.envelopeTo());
      row.add(join(rec.dkim(), AggregateRecord.DkimResult::domain));
      row.add(join(rec.dkim(), AggregateRecord.DkimResult::selector));
      row.add(join(rec.dkim(), AggregateRecord.DkimResult::result));
      row.add(join(rec.spf(), AggregateRecord.SpfResult::domain));
      row.add(join(rec.spf(), AggregateRecord.SpfResult::scope));
      row.add(join(rec.spf(), AggregateRecord.SpfResult::result));
      row.add(r.origin());
      rows.add(row);
    }
    return rows;
  }

  private static <T> String join(List<T> items, Function<T, String> f) {
    StringBuilder b = new StringBuilder();
    for (T t : items) {
      if (!b.isEmpty()) {
        b.append('|');
      }
      b.append(f.apply(t));
    }
    return b.toString();
  }
}
