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
  static java.util.Set<String> existingAggregates(Connection c, long tenant,
      java.util.List<AggregateReport> reports) throws SQLException {
    java.util.Set<String> found = new java.util.HashSet<>();
    java.util.List<String> ids = reports.stream().map(r -> r.metadata().reportId()).distinct()
        .toList();
    for (int from = 0; from < ids.size(); from += 500) {
      java.util.List<String> part = ids.subList(from, Math.min(ids.size(), from + 500));
      String marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
      try (PreparedStatement ps = c.prepareStatement("SELECT org_name, report_id, policy_domain"
          + " FROM aggregate_report WHERE tenant_id = ? AND report_id IN (" + marks + ")")) {
        ps.setLong(1, tenant);
        for (int i = 0; i < part.size(); i++) {
          ps.setString(i + 2, part.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            found.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
          }
        }
      }
    }
    return found;
  }

  /**
   * PostgreSQL: inserts the report headers in one batch; result[i] is false where the report was
   * already stored (another Vigie process won the race: ON CONFLICT DO NOTHING counted 0).
   */
  static boolean[] insertAggregates(Connection c, long tenant, long[] seqs,
      java.util.List<AggregateReport> reports, java.util.List<@Nullable Long> clients,
      java.util.List<String> shas, LocalDateTime now) throws SQLException {
    boolean[] stored = new boolean[reports.size()];
    if (reports.isEmpty()) {
      return stored;
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO aggregate_report (tenant_id,"
        + " report_seq, org_name, report_id, policy_domain, client_id, begin_at, end_at, policy_p,"
        + " policy_sp, record_total, message_total, raw_sha256, origin, warnings, stored_at)"
        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING")) {
      for (int i = 0; i < reports.size(); i++) {
        AggregateReport r = reports.get(i);
        ps.setLong(1, tenant);
        ps.setLong(2, seqs[i]);
        ps.setString(3, r.metadata().orgName());
        ps.setString(4, r.metadata().reportId());
        ps.setString(5, r.policy().domain());
        setLong(ps, 6, clients.get(i));
        ps.setObject(7, utc(r.metadata().begin()));
        ps.setObject(8, utc(r.metadata().end()));
        ps.setString(9, r.policy().p());
        ps.setString(10, r.policy().sp());
        ps.setInt(11, r.records().size());
        ps.setLong(12, r.messageCount());
        ps.setString(13, shas.get(i));
        ps.setString(14, r.origin());
        ps.setString(15, r.warnings().isEmpty() ? null : String.join("\n", r.warnings()));
        ps.setObject(16, now);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    // Which rows went in: update counts are unreliable (reWriteBatchedInserts reports "no
    // info"), and a report another process stored meanwhile kept its own sequence number.
    java.util.Set<Long> ours = new java.util.HashSet<>();
    for (int from = 0; from < seqs.length; from += 1000) {
      int to = Math.min(seqs.length, from + 1000);
      String marks = String.join(",", java.util.Collections.nCopies(to - from, "?"));
      try (PreparedStatement ps = c.prepareStatement("SELECT report_seq FROM aggregate_report"
          + " WHERE tenant_id = ? AND report_seq IN (" + marks + ")")) {
        ps.setLong(1, tenant);
        for (int i = from; i < to; i++) {
          ps.setLong(i - from + 2, seqs[i]);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ours.add(rs.getLong(1));
          }
        }
      }
    }
    for (int i = 0; i < seqs.length; i++) {
      stored[i] = ours.contains(seqs[i]);
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
