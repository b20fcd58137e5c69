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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

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
  /** Columns of a staged daily_rollup delta row (per domain × day × source × results × class). */
  static final String ROLLUP_COLUMNS = "tenant_id, domain_name, rollup_date, source_ip,"
      + " disposition, dkim_eval, spf_eval, sender_id, source_class, message_total";
  /** Columns of a staged domain_day delta row (per domain × day × class). */
  static final String DAY_COLUMNS = "tenant_id, domain_name, rollup_date, source_class,"
      + " message_total, pass_total";

  private final boolean sumsRollups;
  private final long tenant;
  private final SourceEnricher enricher;
  private final SourceClassifier classifier;
  private final OrganizationalDomains orgDomains;

  /**
   * @param sumsRollups sum each report's rollup deltas here (PostgreSQL); DuckDB groups the
   *     stored records itself ({@link ReportSql#rollUpInDuckDb})
   */
  AggregateStager(long tenant, SourceEnricher enricher, SourceClassifier classifier,
      OrganizationalDomains orgDomains, boolean sumsRollups) {
    this.sumsRollups = sumsRollups;
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
    Map<RollupKey, long[]> rollups = new LinkedHashMap<>();
    Map<DayKey, long[]> days = new LinkedHashMap<>();
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
      if (!sumsRollups) {
        continue;
      }
      // The rollups' deltas, summed here rather than by INSERT … SELECT … GROUP BY in the
      // writer's transaction: the day is the record's interval start, in UTC (as stored).
      LocalDate day = utc(r.intervalBegin()).toLocalDate();
      rollups.computeIfAbsent(new RollupKey(day, r.sourceIp(), r.disposition(),
          r.dkimEvaluated(), r.spfEvaluated(), senderId, c.sourceClass().name()),
          k -> new long[1])[0] += r.count();
      long[] d = days.computeIfAbsent(new DayKey(day, c.sourceClass().name()), k -> new long[2]);
      d[0] += r.count();
      d[1] += r.dmarcPass() ? r.count() : 0;
    }
    CsvRows rollupRows = new CsvRows(rollups.size() * 90);
    rollups.forEach((k, total) -> rollupRows.num(tenant).text(domain).date(k.day())
        .text(k.sourceIp()).text(k.disposition()).text(k.dkim()).text(k.spf()).text(k.senderId())
        .text(k.sourceClass()).num(total[0]).end());
    CsvRows dayRows = new CsvRows(days.size() * 60);
    days.forEach((k, totals) -> dayRows.num(tenant).text(domain).date(k.day())
        .text(k.sourceClass()).num(totals[0]).num(totals[1]).end());
    CsvRows header = new CsvRows(256);
    header.num(tenant).text(a.metadata().orgName()).text(a.metadata().reportId()).text(domain)
        .time(utc(a.metadata().begin())).time(utc(a.metadata().end()))
        .text(a.policy().p()).text(a.policy().sp()).num(a.records().size())
        .num(a.messageCount()).text(sha).text(a.origin())
        .text(a.warnings().isEmpty() ? null : String.join("\n", a.warnings())).time(now).end();
    return new StagedAggregate(a.metadata().reportId(), domain, ReportSql.aggregateKey(a),
        header.toBytes(), records.toBytes(), Arrays.copyOf(ends, n), rollupRows.toBytes(),
        dayRows.toBytes());
  }

  private record RollupKey(LocalDate day, String sourceIp, String disposition, String dkim,
      String spf, @Nullable String senderId, String sourceClass) {}

  private record DayKey(LocalDate day, String sourceClass) {}

  private static String join(List<String> parts) {
    return parts.isEmpty() ? "" : parts.size() == 1 ? parts.get(0) : String.join("|", parts);
  }

  private static LocalDateTime utc(java.time.Instant t) {
    return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
  }
}
