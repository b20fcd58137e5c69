package dev.vigie.store;

import dev.vigie.dns.psl.OrganizationalDomains;
import dev.vigie.enrich.Classification;
import dev.vigie.enrich.DomainProfile;
import dev.vigie.enrich.KnownSender;
import dev.vigie.enrich.SourceClassifier;
import dev.vigie.enrich.SourceEnricher;
import dev.vigie.enrich.SourceInfo;
import dev.vigie.report.aggregate.AggregateRecord;
import dev.vigie.report.aggregate.AggregateReport;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Enriches, classifies and renders one aggregate report into a {@link StagedAggregate}: each
 * record with its sending service and {@link dev.vigie.enrich.SourceClass}. Runs on
 * worker threads: everything here is per report and needs no database.
 */
final class AggregateStager {
  /** Columns of a staged header row; the writer puts report_seq and client_id in front. */
  static final String REPORT_COLUMNS = "report_seq, client_id, tenant_id, org_name, report_id,"
      + " policy_domain, begin_at, end_at, policy_p, policy_sp, record_total, message_total,"
      + " raw_sha256, origin, warnings, stored_at";
  /** Columns of a staged record row; the writer puts report_seq in front. */
  static final String RECORD_COLUMNS = "report_seq, tenant_id, record_no, policy_domain,"
      + " source_ip, message_count, disposition, dkim_eval, spf_eval, dmarc_pass, header_from,"
      + " envelope_from, envelope_to, dkim_domains, dkim_selectors, dkim_results, spf_domains,"
      + " spf_results, interval_begin, interval_end, sender_id, source_class, class_rule,"
      + " reverse_dns, country, asn";

  private final long tenant;
  private final SourceEnricher enricher;
  private final SourceClassifier classifier;
  private final OrganizationalDomains orgDomains;

  AggregateStager(long tenant, SourceEnricher enricher, SourceClassifier classifier,
      OrganizationalDomains orgDomains) {
    this.tenant = tenant;
    this.enricher = enricher;
    this.classifier = classifier;
    this.orgDomains = orgDomains;
  }

  StagedAggregate stage(AggregateReport a, String sha, LocalDateTime now) {
    String domain = a.policy().domain();
    DomainProfile profile = DomainProfile.of(orgDomains.organizationalDomain(domain).orElse(domain));
    Map<String, SourceInfo> sources = enricher.learnsNothing() ? Map.of() : enricher.enrichAll(
        a.records().stream().map(AggregateRecord::sourceIp).collect(Collectors.toCollection(
            java.util.LinkedHashSet::new)));
    CsvRows records = new CsvRows(a.records().size() * 220);
    int[] ends = new int[a.records().size()];
    int n = 0;
    for (AggregateRecord r : a.records()) {
      SourceInfo info = sources.getOrDefault(r.sourceIp(), SourceInfo.bare(r.sourceIp()));
      Classification c = classifier.classify(r, profile, info);
      KnownSender sender = c.sender() != null ? c.sender() : info.sender();
      String senderId = sender == null ? null : sender.id();
      records.num(tenant).num(n).text(domain).text(r.sourceIp()).num(r.count())
          .text(r.disposition()).text(r.dkimEvaluated()).text(r.spfEvaluated())
          .bool(r.dmarcPass()).text(r.headerFrom()).text(r.envelopeFrom()).text(r.envelopeTo())
          .text(join(r.dkim().stream().map(AggregateRecord.DkimResult::domain).toList()))
          .text(join(r.dkim().stream().map(AggregateRecord.DkimResult::selector).toList()))
          .text(join(r.dkim().stream().map(AggregateRecord.DkimResult::result).toList()))
          .text(join(r.spf().stream().map(AggregateRecord.SpfResult::domain).toList()))
          .text(join(r.spf().stream().map(AggregateRecord.SpfResult::result).toList()))
          .time(utc(r.intervalBegin())).time(utc(r.intervalEnd()))
          .text(senderId).text(c.sourceClass().name()).text(c.rule().name())
          .text(info.reverseDns()).text(info.country()).nullableNum(info.asn()).end();
      ends[n++] = records.size();
    }
    CsvRows header = new CsvRows(256);
    header.num(tenant).text(a.metadata().orgName()).text(a.metadata().reportId()).text(domain)
        .time(utc(a.metadata().begin())).time(utc(a.metadata().end()))
        .text(a.policy().p()).text(a.policy().sp()).num(a.records().size())
        .num(a.messageCount()).text(sha).text(a.origin())
        .text(a.warnings().isEmpty() ? null : String.join("\n", a.warnings())).time(now).end();
    return new StagedAggregate(a, ReportSql.aggregateKey(a), sha, now, header.toBytes(), records.toBytes(),
        Arrays.copyOf(ends, n));
  }

  private static String join(List<String> parts) {
    return parts.isEmpty() ? "" : parts.size() == 1 ? parts.get(0) : String.join("|", parts);
  }

  private static LocalDateTime utc(java.time.Instant t) {
    return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
  }
}
