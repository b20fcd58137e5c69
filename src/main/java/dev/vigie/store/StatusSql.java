package dev.vigie.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The queries behind {@code vigie status}. */
public final class StatusSql {
  private StatusSql() {}

  public static StoreStatus status(Store store) {
    Connection c = store.connection();
    long t = Store.DEFAULT_TENANT;
    try {
      List<StoreStatus.LastArrival> last = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT m.source_kind, m.source_name,"
          + " m.received_at FROM raw_message m JOIN (SELECT source_kind, max(received_at) AS latest"
          + " FROM raw_message WHERE tenant_id = ? GROUP BY source_kind) l"
          + " ON m.source_kind = l.source_kind AND m.received_at = l.latest"
          + " WHERE m.tenant_id = ? ORDER BY m.source_kind")) {
        ps.setLong(1, t);
        ps.setLong(2, t);
        try (ResultSet rs = ps.executeQuery()) {
          String previous = null;
          while (rs.next()) {
            if (rs.getString(1).equals(previous)) {
              continue;
            }
            previous = rs.getString(1);
            last.add(new StoreStatus.LastArrival(rs.getString(1), rs.getString(2),
                rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC)));
          }
        }
      }
      return new StoreStatus(
          scalar(c, "SELECT count(*) FROM raw_message WHERE tenant_id = ?", t),
          scalar(c, "SELECT count(*) FROM aggregate_report WHERE tenant_id = ?", t),
          scalar(c, "SELECT count(*) FROM aggregate_record WHERE tenant_id = ?", t),
          scalar(c, "SELECT coalesce(sum(message_count), 0) FROM aggregate_record"
              + " WHERE tenant_id = ?", t),
          scalar(c, "SELECT count(*) FROM failure_report WHERE tenant_id = ?", t),
          scalar(c, "SELECT count(*) FROM tls_report WHERE tenant_id = ?", t),
          scalar(c, "SELECT count(*) FROM report_duplicate WHERE tenant_id = ?", t),
          scalar(c, "SELECT count(*) FROM quarantine WHERE tenant_id = ? AND resolved_at IS NULL", t),
          scalar(c, "SELECT count(*) FROM aggregate_report WHERE tenant_id = ? AND client_id IS NULL", t),
          List.copyOf(last));
    } catch (SQLException e) {
      throw new StoreException(store.location().describe() + ": cannot read the status: "
          + e.getMessage(), e);
    }
  }

  /** Daily message totals of a domain, for dashboards: date, passing, failing. */
  public record DayTotal(java.time.LocalDate date, long pass, long fail) {}

  public static List<DayTotal> dailyTotals(Store store, String domain) {
    List<DayTotal> out = new ArrayList<>();
    try (PreparedStatement ps = store.connection().prepareStatement("SELECT rollup_date,"
        + " sum(CASE WHEN dkim_eval = 'pass' OR spf_eval = 'pass' THEN message_total ELSE 0 END),"
        + " sum(CASE WHEN dkim_eval = 'pass' OR spf_eval = 'pass' THEN 0 ELSE message_total END)"
        + " FROM daily_rollup WHERE tenant_id = ? AND domain_name = ?"
        + " GROUP BY rollup_date ORDER BY rollup_date")) {
      ps.setLong(1, Store.DEFAULT_TENANT);
      ps.setString(2, domain);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new DayTotal(rs.getObject(1, java.time.LocalDate.class), rs.getLong(2),
              rs.getLong(3)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException(store.location().describe() + ": cannot read rollups: "
          + e.getMessage(), e);
    }
    return out;
  }

  private static long scalar(Connection c, String sql, long tenant) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, tenant);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
