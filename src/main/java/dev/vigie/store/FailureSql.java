package dev.vigie.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Failure (forensic) reports of a tenant's domain. The table keeps no personal data; the original
 * message (addresses, subject) is read from the raw archive only for staff.
 */
public final class FailureSql {
  private FailureSql() {}

  public record FailureRow(long reportSeq, @Nullable String domain, @Nullable String sourceIp,
      @Nullable Instant arrivalAt, @Nullable String feedbackType, String rawSha256,
      String origin) {}

  private static FailureRow row(java.sql.ResultSet rs) throws SQLException {
    return new FailureRow(rs.getLong(1), rs.getString(2), rs.getString(3),
        Jdbc.instant(rs, "arrival_at"), rs.getString(5), rs.getString(6), rs.getString(7));
  }

  private static final String COLUMNS = "report_seq, reported_domain, source_ip, arrival_at,"
      + " feedback_type, raw_sha256, origin";

  public static List<FailureRow> forDomain(Connection c, long tenant, String domain, int limit) {
    return Jdbc.list(c, "SELECT " + COLUMNS + " FROM failure_report WHERE tenant_id = ?"
        + " AND reported_domain = ? ORDER BY arrival_at DESC NULLS LAST, report_seq DESC LIMIT "
        + Math.max(1, Math.min(limit, 500)), FailureSql::row, tenant, domain);
  }

  public static Optional<FailureRow> one(Connection c, long tenant, String domain, long seq) {
    return Jdbc.one(c, "SELECT " + COLUMNS + " FROM failure_report WHERE tenant_id = ?"
        + " AND reported_domain = ? AND report_seq = ?", FailureSql::row, tenant, domain, seq);
  }

  /** The raw bytes a report came in (decompressed), for re-parsing its sample. */
  public static byte[] raw(Connection c, long tenant, String sha256) {
    try {
      return ArchiveSql.load(c, tenant, sha256).raw();
    } catch (SQLException e) {
      throw new StoreException("cannot read the archived message: " + e.getMessage(), e);
    }
  }
}
