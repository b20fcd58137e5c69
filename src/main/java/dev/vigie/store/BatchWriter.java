package dev.vigie.store;

import dev.vigie.report.Report;
import dev.vigie.report.extract.ParseOutcome;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes staged messages inside the current transaction: duplicates found with one query for the
 * whole batch, new aggregate reports, their records and their rollup deltas bulk-loaded, failure
 * and TLS reports (few) row by row.
 */
final class BatchWriter {
  private final Connection c;
  private final Store store;
  private final long tenant;
  private final Router router;
  private final LocalDateTime now;

  BatchWriter(Connection c, Store store, long tenant, LocalDateTime now) throws SQLException {
    this.c = c;
    this.store = store;
    this.tenant = tenant;
    this.now = now;
    this.router = Router.load(c, tenant); // also opens the transaction before any Appender
  }

  /** Per message sha: reports stored, duplicates, quarantined, aggregate records stored. */
  Map<String, int[]> write(List<StagedMessage> messages, boolean markProcessed)
      throws SQLException {
    Map<String, int[]> counts = new java.util.LinkedHashMap<>();
    List<StagedAggregate> aggregates = new ArrayList<>();
    List<String> aggregateShas = new ArrayList<>();
    for (StagedMessage m : messages) {
      int[] n = counts.computeIfAbsent(m.sha(), k -> new int[4]);
      for (ParseOutcome o : m.others()) {
        if (o instanceof ParseOutcome.Failed f) {
          ReportSql.quarantine(c, tenant, m.sha(), f.origin(), f.reason(), now);
          n[2]++;
        } else if (storeOther(m.sha(), ((ParseOutcome.Parsed) o).report())) {
          n[0]++;
        } else {
          n[1]++;
        }
      }
      for (StagedAggregate a : m.aggregates()) {
        aggregates.add(a);
        aggregateShas.add(m.sha());
      }
    }
    storeAggregates(aggregates, aggregateShas, counts);
    if (markProcessed) {
      ArchiveSql.markProcessed(c, store.engine(), tenant, counts.keySet(), now);
    }
    return counts;
  }

  /** Failure and TLS reports: few, stored row by row. */
  private boolean storeOther(String sha, Report report) throws SQLException {
    long seq = ReportSql.nextSeq(c);
    if (report instanceof dev.vigie.report.failure.FailureReport f) {
      if (ReportSql.insertFailure(c, tenant, seq, f, router.clientFor(f.reportedDomain()), sha,
          now)) {
        return true;
      }
      ReportSql.duplicate(c, tenant, "failure", ReportSql.failureKey(f), sha, now);
      return false;
    }
    dev.vigie.report.tlsrpt.TlsReport t = (dev.vigie.report.tlsrpt.TlsReport) report;
    String domain = t.policies().isEmpty() ? null : t.policies().get(0).policyDomain();
    if (ReportSql.insertTls(c, tenant, seq, t, router.clientFor(domain), sha, now)) {
      return true;
    }
    ReportSql.duplicate(c, tenant, "smtp_tls", t.organizationName() + " " + t.reportId(), sha,
        now);
    return false;
  }

  private void storeAggregates(List<StagedAggregate> aggregates, List<String> shas,
      Map<String, int[]> counts) throws SQLException {
    if (aggregates.isEmpty()) {
      return;
    }
    Set<String> seen = ReportSql.existingAggregates(c, store.engine(), tenant,
        aggregates.stream().map(a -> a.reportId()).toList());
    List<StagedAggregate> fresh = new ArrayList<>();
    List<String> freshShas = new ArrayList<>();
    for (int i = 0; i < aggregates.size(); i++) {
      if (seen.add(aggregates.get(i).key())) {
        fresh.add(aggregates.get(i));
        freshShas.add(shas.get(i));
      } else {
        duplicate(aggregates.get(i), shas.get(i), counts);
      }
    }
    long[] seqs = ReportSql.nextSeqs(c, store.engine(), fresh.size());
    List<Long> clients = new ArrayList<>(fresh.size());
    for (StagedAggregate a : fresh) {
      clients.add(router.clientFor(a.domain()));
    }
    boolean[] stored = ReportSql.insertAggregates(c, store.engine(), store.scratchDir(), tenant,
        seqs, fresh, clients);
    CsvRows records = new CsvRows(fresh.stream().mapToInt(a -> a.records().length + 12
        * a.recordEnds().length).sum());
    CsvRows rollups = new CsvRows(fresh.stream().mapToInt(a -> a.rollups().length).sum());
    CsvRows days = new CsvRows(fresh.stream().mapToInt(a -> a.days().length).sum());
    for (int k = 0; k < fresh.size(); k++) {
      StagedAggregate a = fresh.get(k);
      if (!stored[k]) {
        duplicate(a, freshShas.get(k), counts); // another process stored it meanwhile
        continue;
      }
      int[] n = counts.get(freshShas.get(k));
      n[0]++;
      n[3] += a.recordEnds().length;
      byte[] prefix = (seqs[k] + ",").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      int from = 0;
      for (int end : a.recordEnds()) {
        records.append(prefix, 0, prefix.length).append(a.records(), from, end);
        from = end;
      }
      rollups.append(a.rollups(), 0, a.rollups().length);
      days.append(a.days(), 0, a.days().length);
    }
    BulkCopy.copy(c, store.engine(), store.scratchDir(), "aggregate_record",
        AggregateStager.RECORD_COLUMNS, records);
    if (store.engine() == StoreLocation.Engine.DUCKDB) {
      ReportSql.rollUpInDuckDb(c, tenant, storedSeqs(seqs, stored));
      return;
    }
    // the rollups' deltas of the reports stored, summed per report on the workers
    BulkCopy.copy(c, store.engine(), store.scratchDir(), "daily_rollup",
        AggregateStager.ROLLUP_COLUMNS, rollups);
    BulkCopy.copy(c, store.engine(), store.scratchDir(), "domain_day",
        AggregateStager.DAY_COLUMNS, days);
  }

  private static long[] storedSeqs(long[] seqs, boolean[] stored) {
    return java.util.stream.IntStream.range(0, seqs.length).filter(i -> stored[i])
        .mapToLong(i -> seqs[i]).toArray();
  }

  private void duplicate(StagedAggregate a, String sha, Map<String, int[]> counts)
      throws SQLException {
    ReportSql.duplicate(c, tenant, "aggregate", a.key(), sha, now);
    counts.get(sha)[1]++;
  }
}
