package dev.vigie.store;

import dev.vigie.store.StoreLocation.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads {@link CsvRows} into a table inside the current transaction with each engine's bulk
 * loader: PostgreSQL's COPY from the client, DuckDB's COPY from a scratch file in the data folder
 * (its CSV reader parses in parallel, several times faster than the Appender's value-by-value JNI
 * calls for wide rows). The scratch file is deleted as soon as it is read.
 */
final class BulkCopy {
  private BulkCopy() {}

  static void copy(Connection c, Engine engine, Path scratchDir, String table, String columns,
      CsvRows rows) throws SQLException {
    if (rows.size() == 0) {
      return;
    }
    if (engine == Engine.POSTGRESQL) {
      copyIn(c, table, columns, rows);
      return;
    }
    Path file = null;
    try {
      Files.createDirectories(scratchDir);
      file = Files.createTempFile(scratchDir, table + "-", ".csv");
      try (var out = Files.newOutputStream(file)) {
        out.write(rows.array(), 0, rows.size());
      }
      try (Statement s = c.createStatement()) {
        s.execute("COPY " + table + " (" + columns + ") FROM '" + file.toString().replace("'", "''")
            + "' (FORMAT csv, HEADER false, DELIMITER ',', QUOTE '\"', ESCAPE '\"',"
            + " NULLSTR '\\N', AUTO_DETECT false)");
      }
    } catch (IOException e) {
      throw new SQLException("cannot write the scratch file for " + table + " in " + scratchDir
          + ": " + e.getMessage(), e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a leftover scratch file is removed when the store next opens
        }
      }
    }
  }

  /**
   * PostgreSQL, inside the caller's transaction: loads rows some of which another Vigie process
   * may have stored meanwhile (same key). Usually none: one COPY, under a savepoint. On a unique
   * violation the rows go through this session's staging copy of {@code table} and one {@code
   * INSERT … SELECT … ON CONFLICT DO NOTHING} instead. (Batched single-row INSERTs cost the server
   * ~50 µs a row.)
   *
   * @param returning a column to return of the rows that went in on a clash (null: none)
   * @return null when every row went in, else the {@code returning} column of those that did
   */
  static @Nullable List<Long> insertNew(Connection c, String table, String columns,
      CsvRows rows, @Nullable String returning) throws SQLException {
    return rows.size() == 0 ? null : insertNew(c, table, columns, List.of(rows), returning);
  }

  /**
   * {@link #insertNew(Connection, String, String, CsvRows, String)} for rows rendered a piece at a
   * time while they are sent (the archive's: hex text of whole messages), read twice on a clash.
   */
  static @Nullable List<Long> insertNew(Connection c, String table, String columns,
      Iterable<CsvRows> rows, @Nullable String returning) throws SQLException {
    Savepoint before = c.setSavepoint();
    try {
      copyIn(c, table, columns, rows);
      c.releaseSavepoint(before);
      return null;
    } catch (SQLException e) {
      if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw e;
      }
      c.rollback(before);
    }
    List<Long> out = new java.util.ArrayList<>();
    String stage = "vigie_stage_" + table;
    try (Statement s = c.createStatement()) {
      // emptied at every commit and rollback; created once per session
      s.execute("CREATE TEMP TABLE IF NOT EXISTS " + stage + " (LIKE " + table
          + ") ON COMMIT DELETE ROWS");
      copyIn(c, stage, columns, rows);
      String insert = "INSERT INTO " + table + " (" + columns + ") SELECT " + columns + " FROM "
          + stage + " ON CONFLICT DO NOTHING";
      if (returning == null) {
        s.executeUpdate(insert);
      } else {
        try (var rs = s.executeQuery(insert + " RETURNING " + returning)) {
          while (rs.next()) {
            out.add(rs.getLong(1));
          }
        }
      }
      s.execute("TRUNCATE " + stage); // a later batch of this transaction starts empty
    }
    return out;
  }

  private static final String UNIQUE_VIOLATION = "23505";

  private static void copyIn(Connection c, String table, String columns, CsvRows rows)
      throws SQLException {
    copyIn(c, table, columns, List.of(rows));
  }

  private static void copyIn(Connection c, String table, String columns, Iterable<CsvRows> rows)
      throws SQLException {
    CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " ("
        + columns + ") FROM STDIN (FORMAT csv, NULL '\\N')");
    try {
      for (CsvRows r : rows) {
        in.writeToCopy(r.array(), 0, r.size());
      }
      in.endCopy();
    } finally {
      if (in.isActive()) {
        in.cancelCopy();
      }
    }
  }
}
