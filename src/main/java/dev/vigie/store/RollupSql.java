package dev.vigie.store;

import dev.vigie.report.aggregate.AggregateRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Daily rollups (domain × day × source × result) kept in step with ingestion: a batch's deltas are
 * summed in memory and appended to {@code daily_rollup} in the same transaction as the records
 * they summarise. Readers sum the deltas (see {@link StatusSql#dailyTotals}).
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

  void append(Connection c, long tenant, StoreLocation.Engine engine) throws SQLException {
    if (deltas.isEmpty()) {
      return;
    }
    if (engine == StoreLocation.Engine.DUCKDB) {
      try (org.duckdb.DuckDBAppender a = DuckBulk.appender(c, "daily_rollup")) {
        for (Map.Entry<Key, long[]> e : deltas.entrySet()) {
          Key k = e.getKey();
          a.beginRow();
          a.append(tenant).append(k.domain()).append(k.date()).append(k.ip())
              .append(k.disposition()).append(k.dkim()).append(k.spf()).append(e.getValue()[0]);
          a.endRow();
        }
      }
    } else {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO daily_rollup (tenant_id,"
          + " domain_name, rollup_date, source_ip, disposition, dkim_eval, spf_eval,"
          + " message_total) VALUES (?,?,?,?,?,?,?,?)")) {
        for (Map.Entry<Key, long[]> e : deltas.entrySet()) {
          Key k = e.getKey();
          ps.setLong(1, tenant);
          ps.setString(2, k.domain());
          ps.setObject(3, k.date());
          ps.setString(4, k.ip());
          ps.setString(5, k.disposition());
          ps.setString(6, k.dkim());
          ps.setString(7, k.spf());
          ps.setLong(8, e.getValue()[0]);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    deltas.clear();
  }
}
