package dev.vigie.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the quarantine: raw messages holding documents that did not parse. */
final class QuarantineSql {
  private QuarantineSql() {}

  static List<String> unresolved(Connection c, long tenant) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT raw_sha256 FROM quarantine"
        + " WHERE tenant_id = ? AND resolved_at IS NULL ORDER BY raw_sha256")) {
      ps.setLong(1, tenant);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }
}
