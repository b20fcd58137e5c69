package dev.vigie.store;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Which store to open: the embedded DuckDB in a data folder (the default, zero set-up), or a
 * PostgreSQL database shared by several Vigie processes.
 */
public record StoreLocation(@Nullable Path dataDir, @Nullable String jdbcUrl) {
  public static final Path DEFAULT_DATA_DIR = Path.of("vigie-data");
  /** The embedded database's file inside the data folder. */
  public static final String DUCKDB_FILE = "vigie.duckdb";

  public StoreLocation {
    if ((dataDir == null) == (jdbcUrl == null)) {
      throw new IllegalArgumentException("give either a data folder or a JDBC URL");
    }
    if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(jdbcUrl + ": only PostgreSQL JDBC URLs"
          + " (jdbc:postgresql://host:port/db) are supported");
    }
  }

  public static StoreLocation embedded(Path dir) {
    return new StoreLocation(dir, null);
  }

  public static StoreLocation postgres(String url) {
    return new StoreLocation(null, url);
  }

  public Engine engine() {
    return jdbcUrl != null ? Engine.POSTGRESQL : Engine.DUCKDB;
  }

  public String describe() {
    return dataDir != null ? "the embedded store in " + dataDir : jdbcUrl.replaceAll("password=[^&]*", "password=***");
  }

  /** The two engines that serve one schema. */
  public enum Engine { DUCKDB, POSTGRESQL }
}
