package dev.vigie.store;

import dev.vigie.report.aggregate.AggregateReport;
import dev.vigie.report.failure.FailureReport;
import dev.vigie.report.tlsrpt.TlsPolicy;
import dev.vigie.report.tlsrpt.TlsReport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The SQL that stores parsed reports. Each insert is idempotent on the report's identity
 * (aggregate: org_name + report_id + policy domain, as parsedmarc's dedupe; TLS: org + report id;
 * failure: a digest of what the report says): a second copy inserts nothing and is recorded as a
 * duplicate instead.
 */
final class ReportSql {
  private ReportSql() {}

  static long nextSeq(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT nextval('report_seq_gen')");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Reserves n report sequence numbers in one statement. */
  static long[] nextSeqs(Connection c, StoreLocation.Engine engine, int n) throws SQLException {
    long[] out = new long[n];
    if (n == 0) {
      return out;
    }
    String sql = engine == StoreLocation.Engine.DUCKDB
        ? "SELECT nextval('report_seq_gen') FROM range(?)"
        : "SELECT nextval('report_seq_gen') FROM generate_series(1, ?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, n);
      try (ResultSet rs = ps.executeQuery()) {
        for (int i = 0; i < n && rs.next(); i++) {
          out[i] = rs.getLong(1);
        }
      }
    }
    return out;
  }

  /** Which of these aggregate reports are already stored (keys as {@link #aggregateKey}). */
  static java.util.Set<String> existingAggregates(Connection c, StoreLocation.Engine engine,
      long tenant, java.util.List<String> reportIds) throws SQLException {
    java.util.Set<String> found = new java.util.HashSet<>();
    java.util.List<String> ids = reportIds.stream().distinct().toList();
    java.util.List<String> listed = ids.stream().filter(ValueList::fits).toList();
    String byId = "SELECT org_name, report_id, policy_domain FROM aggregate_report"
        + " WHERE tenant_id = ? AND report_id ";
    if (!listed.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(byId + "IN " + ValueList.sql(engine))) {
        ps.setLong(1, tenant);
        ValueList.bind(ps, 2, engine, listed);
        collect(ps, found);
      }
    }
    for (String id : ids) {
      if (!ValueList.fits(id)) {
        try (PreparedStatement ps = c.prepareStatement(byId + "= ?")) {
          ps.setLong(1, tenant);
          ps.setString(2, id);
          collect(ps, found);
        }
      }
    }
    return found;
  }

  private static void collect(PreparedStatement ps, java.util.Set<String> found)
      throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        found.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
      }
    }
  }

  /**
   * DuckDB: adds the rollup deltas of the reports just stored in this transaction, summed in the
   * engine: daily_rollup per domain × day × source × result × service × class, domain_day per
   * domain × day × class (one statement each per batch). DuckDB's vectorised GROUP BY over the
   * rows just loaded costs less than loading the same deltas as CSV; PostgreSQL's INSERT … SELECT
   * costs more, so there the workers sum them ({@link AggregateStager}) and COPY loads them.
   * One writing process, so [min, max] of the batch's sequence numbers holds its reports only.
   */
  static void rollUpInDuckDb(Connection c, long tenant, long[] seqs) throws SQLException {
    if (seqs.length == 0) {
      return;
    }
    long min = java.util.Arrays.stream(seqs).min().orElseThrow();
    long max = java.util.Arrays.stream(seqs).max().orElseThrow();
    String where = " FROM aggregate_record WHERE tenant_id = ? AND report_seq BETWEEN ? AND ?"
        + " GROUP BY tenant_id, policy_domain, CAST(interval_begin AS DATE), ";
    String[] sql = {
        "INSERT INTO daily_rollup (tenant_id, domain_name, rollup_date, source_ip, disposition,"
            + " dkim_eval, spf_eval, message_total, sender_id, source_class) SELECT tenant_id,"
            + " policy_domain, CAST(interval_begin AS DATE), source_ip, disposition, dkim_eval,"
            + " spf_eval, SUM(message_count), sender_id, source_class" + where
            + "source_ip, disposition, dkim_eval, spf_eval, sender_id, source_class",
        "INSERT INTO domain_day (tenant_id, domain_name, rollup_date, source_class,"
            + " message_total, pass_total) SELECT tenant_id, policy_domain,"
            + " CAST(interval_begin AS DATE), source_class, SUM(message_count),"
            + " SUM(CASE WHEN dmarc_pass THEN message_count ELSE 0 END)" + where + "source_class"};
    for (String q : sql) {
      try (PreparedStatement ps = c.prepareStatement(q)) {
        ps.setLong(1, tenant);
        ps.setLong(2, min);
        ps.setLong(3, max);
        ps.executeUpdate();
      }
    }
  }

  /**
   * Inserts the staged report headers; result[i] is false where the report was already stored.
   * DuckDB (one writing process, so the duplicate query before this was exact): one COPY.
   * PostgreSQL: {@link BulkCopy#insertNew}, since another Vigie process may have stored the same
   * report meanwhile.
   */
  static boolean[] insertAggregates(Connection c, StoreLocation.Engine engine,
      java.nio.file.Path scratchDir, long tenant, long[] seqs,
      java.util.List<StagedAggregate> reports, java.util.List<@Nullable Long> clients)
      throws SQLException {
    boolean[] stored = new boolean[reports.size()];
    if (reports.isEmpty()) {
      return stored;
    }
    CsvRows rows = new CsvRows(reports.size() * 300);
    for (int i = 0; i < reports.size(); i++) {
      rows.num(seqs[i]).nullableNum(clients.get(i)).rest(reports.get(i).header());
    }
    if (engine == StoreLocation.Engine.DUCKDB) {
      BulkCopy.copy(c, engine, scratchDir, "aggregate_report", AggregateStager.REPORT_COLUMNS,
          rows);
      java.util.Arrays.fill(stored, true);
      return stored;
    }
    // A report another process stored meanwhile keeps its row (and its own sequence number).
    java.util.List<Long> ours = BulkCopy.insertNew(c, "aggregate_report",
        AggregateStager.REPORT_COLUMNS, rows, "report_seq");
    java.util.Set<Long> in = ours == null ? null : new java.util.HashSet<>(ours);
    for (int i = 0; i < seqs.length; i++) {
      stored[i] = in == null || in.contains(seqs[i]);
    }
    return stored;
  }

  static boolean insertFailure(Connection c, long tenant, long seq, FailureReport f,
      @Nullable Long client, String sha, LocalDateTime now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO failure_report (tenant_id,"
        + " report_seq, report_key, reported_domain, client_id, source_ip, arrival_at,"
        + " feedback_type, raw_sha256, origin, stored_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
        + " ON CONFLICT DO NOTHING")) {
      ps.setLong(1, tenant);
      ps.setLong(2, seq);
      ps.setString(3, failureKey(f));
      ps.setString(4, f.reportedDomain());
      setLong(ps, 5, client);
      ps.setString(6, f.sourceIp());
      ps.setObject(7, f.arrivalDate() == null ? null : utc(f.arrivalDate()));
      ps.setString(8, f.feedbackType());
      ps.setString(9, sha);
      ps.setString(10, f.origin());
      ps.setObject(11, now);
      return ps.executeUpdate() == 1;
    }
  }

  static boolean insertTls(Connection c, long tenant, long seq, TlsReport t,
      @Nullable Long client, String sha, LocalDateTime now) throws SQLException {
    long ok = 0;
    long failed = 0;
    for (TlsPolicy p : t.policies()) {
      ok += p.successfulSessionCount();
      failed += p.failedSessionCount();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO tls_report (tenant_id,"
        + " report_seq, org_name, report_id, policy_domain, client_id, begin_at, end_at,"
        + " success_total, failure_total, raw_sha256, origin, stored_at)"
        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING")) {
      ps.setLong(1, tenant);
      ps.setLong(2, seq);
      ps.setString(3, t.organizationName());
      ps.setString(4, t.reportId());
      ps.setString(5, t.policies().isEmpty() ? null : t.policies().get(0).policyDomain());
      setLong(ps, 6, client);
      ps.setObject(7, utc(t.beginDate()));
      ps.setObject(8, utc(t.endDate()));
      ps.setLong(9, ok);
      ps.setLong(10, failed);
      ps.setString(11, sha);
      ps.setString(12, t.origin());
      ps.setObject(13, now);
      return ps.executeUpdate() == 1;
    }
  }

  static void duplicate(Connection c, long tenant, String kind, String key, String sha,
      LocalDateTime now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_duplicate (tenant_id,"
        + " report_kind, report_key, raw_sha256, seen_at) VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING")) {
      ps.setLong(1, tenant);
      ps.setString(2, kind);
      ps.setString(3, key);
      ps.setString(4, sha);
      ps.setObject(5, now);
      ps.executeUpdate();
    }
  }

  static void quarantine(Connection c, long tenant, String sha, String origin, String reason,
      LocalDateTime now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO quarantine (tenant_id, raw_sha256,"
        + " origin, reason, quarantined_at) VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING")) {
      ps.setLong(1, tenant);
      ps.setString(2, sha);
      ps.setString(3, origin);
      ps.setString(4, reason);
      ps.setObject(5, now);
      ps.executeUpdate();
    }
  }

  static void resolveQuarantine(Connection c, long tenant, String sha, LocalDateTime now)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE quarantine SET resolved_at = ?"
        + " WHERE tenant_id = ? AND raw_sha256 = ? AND resolved_at IS NULL")) {
      ps.setObject(1, now);
      ps.setLong(2, tenant);
      ps.setString(3, sha);
      ps.executeUpdate();
    }
  }

  static String aggregateKey(AggregateReport r) {
    return r.metadata().orgName() + " " + r.metadata().reportId() + " " + r.policy().domain();
  }

  static String failureKey(FailureReport f) {
    String basis = f.feedbackType() + "|" + f.sourceIp() + "|" + f.arrivalDate() + "|"
        + f.reportedDomain() + "|" + f.originalMailFrom() + "|" + f.parsedSample().messageId()
        + "|" + f.parsedSample().subject();
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(basis.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static LocalDateTime utc(Instant t) {
    return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
  }

  private static void setLong(PreparedStatement ps, int i, @Nullable Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, v);
    }
  }
}
