package dev.vigie.store;

import dev.vigie.report.aggregate.AggregateRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Daily rollups (domain × day × source × result) kept in step with ingestion: a batch's deltas
 * are summed in memory, staged, and merged into {@code daily_rollup} by one upsert in the same
 * transaction as the records they summarise.
 */
final class RollupSql {
  private record Key(String domain, LocalDate date, String ip, String disposition, String dkim,
      String spf) {}

  private final Map<Key, long[]> deltas = new HashMap<>();

  void add(String domain, AggregateRecord r) {
    Key k = new Key(domain, LocalDate.ofInstant(r.intervalBegin(), ZoneOffset.UTC), r.sourceIp(),
        r.disposition(), r.dkimEvaluated(), r.spfEvaluated());
    deltas.computeIfAbsent(k, x -> new long[1])[0] += r.count();
  }

  void merge(Connection c, long tenant) throws SQLException {
    if (deltas.isEmpty()) {
      return;
    }
    String batch = UUID.randomUUID().toString();
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO rollup_stage (batch_id, tenant_id,"
        + " domain_name, rollup_date, source_ip, disposition, dkim_eval, spf_eval, message_total)"
        + " VALUES (?,?,?,?,?,?,?,?,?)")) {
      for (Map.Entry<Key, long[]> e : deltas.entrySet()) {
        Key k = e.getKey();
        ps.setString(1, batch);
        ps.setLong(2, tenant);
        ps.setString(3, k.domain());
        ps.setObject(4, k.date());
        ps.setString(5, k.ip());
        ps.setString(6, k.disposition());
        ps.setString(7, k.dkim());
        ps.setString(8, k.spf());
        ps.setLong(9, e.getValue()[0]);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO daily_rollup (tenant_id,"
        + " domain_name, rollup_date, source_ip, disposition, dkim_eval, spf_eval, message_total)"
        + " SELECT tenant_id, domain_name, rollup_date, source_ip, disposition, dkim_eval,"
        + " spf_eval, message_total FROM rollup_stage WHERE batch_id = ?"
        + " ON CONFLICT (tenant_id, domain_name, rollup_date, source_ip, disposition, dkim_eval,"
        + " spf_eval) DO UPDATE SET message_total = daily_rollup.message_total"
        + " + excluded.message_total")) {
      ps.setString(1, batch);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM rollup_stage WHERE batch_id = ?")) {
      ps.setString(1, batch);
      ps.executeUpdate();
    }
    deltas.clear();
  }
}
