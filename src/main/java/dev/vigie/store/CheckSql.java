package dev.vigie.store;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** DNS checks run from the web (their JSON documents) and onboarding verifications. */
public final class CheckSql {
  private CheckSql() {}

  public record Check(String domain, Instant checkedAt, int score, int errors, int warnings,
      String json) {}

  public record Verification(String domain, Instant verifiedAt, boolean dmarcOk,
      boolean authorisationOk, @Nullable String detail) {}

  /** Through {@link CheckHistoryStore#record}, which compares it with the previous check. */
  static void saveCheck(Connection c, long tenant, String domain, Instant at, int score,
      int errors, int warnings, String json, String snapshotJson) {
    Jdbc.update(c, "INSERT INTO domain_check (tenant_id, domain_name, checked_at, score,"
        + " error_total, warning_total, result_json, snapshot_json) VALUES (?,?,?,?,?,?,?,?)",
        tenant, domain, at, score, errors, warnings, json, snapshotJson);
  }

  static Optional<String> latestSnapshot(Connection c, long tenant, String domain) {
    return Jdbc.one(c, "SELECT snapshot_json FROM domain_check WHERE tenant_id = ?"
        + " AND domain_name = ? AND snapshot_json IS NOT NULL ORDER BY checked_at DESC LIMIT 1",
        rs -> rs.getString(1), tenant, domain);
  }

  static void saveChange(Connection c, long tenant, String domain, Instant at,
      dev.vigie.check.history.ChangeEvent e) {
    Jdbc.update(c, "INSERT INTO domain_change (tenant_id, domain_name, changed_at, change_code,"
        + " severity, summary, before_text, after_text, subject) VALUES (?,?,?,?,?,?,?,?,?)",
        tenant, domain, at, e.code(), e.severity().name(), e.summary(), e.before(), e.after(),
        e.subject());
  }

  /** A change between two checks, newest first. */
  public record Change(String domain, Instant at, String code, String subject, String severity,
      String summary, String before, String after) {}

  public static List<Change> changes(Connection c, long tenant, String domain, int limit) {
    return Jdbc.list(c, "SELECT domain_name, changed_at, change_code, severity, summary,"
        + " before_text, after_text, coalesce(subject, '') FROM domain_change WHERE tenant_id = ?"
        + " AND domain_name = ? ORDER BY changed_at DESC LIMIT " + Math.max(1, limit),
        rs -> new Change(rs.getString(1), Jdbc.instant(rs, "changed_at"), rs.getString(3),
            rs.getString(8), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)),
        tenant, domain);
  }

  public static Optional<Check> latest(Connection c, long tenant, String domain) {
    return Jdbc.one(c, "SELECT domain_name, checked_at, score, error_total, warning_total,"
        + " result_json FROM domain_check WHERE tenant_id = ? AND domain_name = ?"
        + " ORDER BY checked_at DESC LIMIT 1", rs -> new Check(rs.getString(1),
            Jdbc.instant(rs, "checked_at"), rs.getInt(3), rs.getInt(4), rs.getInt(5),
            rs.getString(6)), tenant, domain);
  }

  /** The latest check of each domain of the tenant (without the JSON). */
  public static List<Check> latestPerDomain(Connection c, long tenant) {
    return Jdbc.list(c, "SELECT k.domain_name, k.checked_at, k.score, k.error_total,"
        + " k.warning_total FROM domain_check k JOIN (SELECT domain_name, max(checked_at) AS m"
        + " FROM domain_check WHERE tenant_id = ? GROUP BY domain_name) l"
        + " ON l.domain_name = k.domain_name AND l.m = k.checked_at WHERE k.tenant_id = ?",
        rs -> new Check(rs.getString(1), Jdbc.instant(rs, "checked_at"), rs.getInt(3),
            rs.getInt(4), rs.getInt(5), ""), tenant, tenant);
  }

  public static void saveVerification(Connection c, long tenant, String domain, Instant at,
      boolean dmarcOk, boolean authOk, @Nullable String detail) {
    Jdbc.update(c, "INSERT INTO domain_verification (tenant_id, domain_name, verified_at,"
        + " dmarc_ok, authorisation_ok, detail) VALUES (?,?,?,?,?,?)", tenant, domain, at, dmarcOk,
        authOk, detail);
  }

  public static Optional<Verification> latestVerification(Connection c, long tenant,
      String domain) {
    return Jdbc.one(c, "SELECT domain_name, verified_at, dmarc_ok, authorisation_ok, detail"
        + " FROM domain_verification WHERE tenant_id = ? AND domain_name = ?"
        + " ORDER BY verified_at DESC LIMIT 1", rs -> new Verification(rs.getString(1),
            Jdbc.instant(rs, "verified_at"), rs.getBoolean(3), rs.getBoolean(4), rs.getString(5)),
        tenant, domain);
  }
}
