package dev.vigie.store;

import dev.vigie.store.StoreLocation.Engine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;

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
      try {
        c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + columns
            + ") FROM STDIN (FORMAT csv, NULL '\\N')",
            new ByteArrayInputStream(rows.array(), 0, rows.size()));
      } catch (IOException e) {
        throw new SQLException("COPY into " + table + " failed: " + e.getMessage(), e);
      }
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
}
