package dev.vigie.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.duckdb.DuckDBConnection;

/**
 * DuckDB's Appender for the rows ingestion writes by the thousand: DuckDB pays milliseconds per
 * single-row statement (and emulates JDBC batches row by row), while its Appender loads ~300k
 * rows/s. Appended rows join the connection's open transaction, which must already have run a
 * statement (see {@link Ingestor}).
 */
final class DuckBulk {
  private DuckBulk() {}

  static org.duckdb.DuckDBAppender appender(Connection c, String table) throws SQLException {
    return c.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
  }
}
