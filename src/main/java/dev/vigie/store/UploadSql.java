package dev.vigie.store;

import java.sql.Connection;
import java.util.List;

/** What an upload turned into beyond the counts: why its documents were quarantined. */
public final class UploadSql {
  private UploadSql() {}

  public record Quarantined(String origin, String reason) {}

  public static List<Quarantined> quarantineReasons(Connection c, long tenant, String rawSha256) {
    return Jdbc.list(c, "SELECT origin, reason FROM quarantine WHERE tenant_id = ?"
        + " AND raw_sha256 = ? ORDER BY origin", rs -> new Quarantined(rs.getString(1),
            rs.getString(2)), tenant, rawSha256);
  }
}
