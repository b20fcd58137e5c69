package dev.vigie.store;

import dev.vigie.report.aggregate.AggregateReport;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * DuckDB's Appender for the rows ingestion writes by the thousand: DuckDB pays milliseconds per
 * single-row statement (and emulates JDBC batches row by row), while its Appender loads ~300k
 * rows/s. Appended rows join the connection's open transaction, which must already have run a
 * statement (see {@link Ingestor}).
 */
final class DuckBulk {
  private DuckBulk() {}

  static DuckDBAppender appender(Connection c, String table) throws SQLException {
    return c.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
  }

  /** An aggregate report row, in aggregate_report's column order. */
  static void report(DuckDBAppender a, long tenant, long seq, AggregateReport r, Long client,
      String sha, LocalDateTime now) throws SQLException {
    a.beginRow();
    a.append(tenant).append(seq).append(r.metadata().orgName()).append(r.metadata().reportId())
        .append(r.policy().domain());
    if (client == null) {
      a.appendNull();
    } else {
      a.append(client.longValue());
    }
    a.append(ReportSql.utc(r.metadata().begin())).append(ReportSql.utc(r.metadata().end()));
    nullable(a, r.policy().p());
    nullable(a, r.policy().sp());
    a.append(r.records().size()).append(r.messageCount()).append(sha).append(r.origin());
    nullable(a, r.warnings().isEmpty() ? null : String.join("\n", r.warnings()));
    a.append(now);
    a.endRow();
  }

  static void nullable(DuckDBAppender a, String v) throws SQLException {
    if (v == null) {
      a.appendNull();
    } else {
      a.append(v);
    }
  }
}
