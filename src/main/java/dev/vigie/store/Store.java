package dev.vigie.store;

import dev.vigie.store.StoreLocation.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * An open store: one schema (Flyway migrations under db/migration/{duckdb,postgresql}) on DuckDB
 * or PostgreSQL. DuckDB allows one writing process per database file: a second process gets a
 * clear "in use" error instead of waiting or corrupting anything.
 *
 * <p>Not thread-safe for writes: {@link Ingestor} serialises them.
 */
public final class Store implements AutoCloseable {
  /** The tenant used until multi-tenancy has its screens (issue 5): "the MSP". */
  public static final long DEFAULT_TENANT = 1;

  private final StoreLocation location;
  private final Connection connection;
  private final Object writeLock = new Object();

  private Store(StoreLocation location, Connection connection) {
    this.location = location;
    this.connection = connection;
  }

  // Flyway's progress lines are not the user's business. Held in a static field: JUL keeps
  // loggers weakly, so a level set on a logger nobody references is lost at the next GC (seen:
  // `vigie check` printing Flyway's migration lines once in a while).
  private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

  static {
    FLYWAY_LOG.setLevel(Level.WARNING);
  }

  public static Store open(StoreLocation location) {
    Connection c = connect(location);
    try {
      if (location.engine() == Engine.DUCKDB) {
        try (Statement s = c.createStatement()) {
          // Never download extensions at run time (no network on servers; reproducible).
          s.execute("SET autoinstall_known_extensions = false");
          s.execute("SET autoload_known_extensions = false");
          s.execute("SET checkpoint_threshold = '256MB'");
        }
      }
      migrate(location, c);
      Store store = new Store(location, c);
      store.ensureDefaultTenant();
      if (location.dataDir() != null) {
        clearScratch(store.scratchDir());
      }
      return store;
    } catch (SQLException | FlywayException e) {
      close(c);
      throw new StoreException(location.describe() + ": cannot prepare the schema: "
          + e.getMessage(), e);
    }
  }

  private static Connection connect(StoreLocation location) {
    try {
      if (location.engine() == Engine.DUCKDB) {
        Path dir = location.dataDir();
        Files.createDirectories(dir);
        return DriverManager.getConnection("jdbc:duckdb:" + dir.resolve(StoreLocation.DUCKDB_FILE),
            new Properties());
      }
      return DriverManager.getConnection(location.jdbcUrl());
    } catch (SQLException e) {
      String m = String.valueOf(e.getMessage());
      if (m.contains("lock")) {
        throw new StoreException(location.describe() + " is in use by another Vigie process;"
            + " stop it, or run this command through it", e);
      }
      throw new StoreException(location.describe() + ": cannot open: " + firstLine(m), e);
    } catch (java.io.IOException e) {
      throw new StoreException(location.describe() + ": cannot create the folder: "
          + e.getMessage(), e);
    }
  }

  /**
   * The migrations this build holds: V1 … V{@value} in both db/migration folders
   * (StoreIntegrationTest holds them to it).
   */
  static final int SCHEMA_VERSION = 5;

  private static void migrate(StoreLocation location, Connection c) {
    if (schemaIsCurrent(c)) {
      return; // Flyway's start (classpath scan, parsing, validation) is ~0.2 s of every command
    }
    String folder = location.engine() == Engine.DUCKDB ? "duckdb" : "postgresql";
    Flyway.configure()
        .dataSource(new SingleConnectionDataSource(c))
        .locations("classpath:db/migration/" + folder)
        .load()
        .migrate();
  }

  /**
   * Whether Flyway has applied exactly this build's migrations, all successfully. Anything else (a
   * new store, an older one, a failed or a newer migration) goes through Flyway, which migrates
   * or says what is wrong.
   */
  private static boolean schemaIsCurrent(Connection c) {
    java.util.Set<String> applied = new java.util.HashSet<>();
    try (Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT version, success FROM flyway_schema_history")) {
      while (rs.next()) {
        if (!rs.getBoolean(2)) {
          return false;
        }
        applied.add(rs.getString(1));
      }
    } catch (SQLException e) {
      return false; // no history table yet: a new store
    }
    java.util.Set<String> bundled = new java.util.HashSet<>();
    for (int v = 1; v <= SCHEMA_VERSION; v++) {
      bundled.add(Integer.toString(v));
    }
    return applied.equals(bundled);
  }

  private void ensureDefaultTenant() throws SQLException {
    try (var ps = connection.prepareStatement(
        "INSERT INTO tenant (tenant_id, name, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
      ps.setLong(1, DEFAULT_TENANT);
      ps.setString(2, "MSP");
      ps.setObject(3, java.time.LocalDateTime.ofInstant(Instant.now(), java.time.ZoneOffset.UTC));
      ps.executeUpdate();
    }
  }

  /**
   * Where bulk loads put their scratch files: {@code DATA/tmp} for DuckDB (same disk as the
   * database, removed when they are read, and any leftover at the next open).
   */
  java.nio.file.Path scratchDir() {
    Path data = location.dataDir();
    return data != null ? data.resolve("tmp") : Path.of(System.getProperty("java.io.tmpdir"));
  }

  private static void clearScratch(Path dir) {
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (f.getFileName().toString().endsWith(".csv")) {
          Files.deleteIfExists(f);
        }
      }
    } catch (java.io.IOException ignored) {
      // absent or unreadable: nothing to clear
    }
  }

  /** DuckDB: how many threads it may use for this process (no effect on PostgreSQL). */
  public void limitEngineThreads(int threads) {
    if (engine() != Engine.DUCKDB) {
      return;
    }
    try (Statement s = connection.createStatement()) {
      s.execute("SET threads = " + Math.max(1, threads));
    } catch (SQLException e) {
      throw new StoreException(location.describe() + ": cannot set threads: " + e.getMessage(), e);
    }
  }

  /** Held by whoever writes through {@link #connection()} (every {@link Ingestor}). */
  public Object writeLock() {
    return writeLock;
  }

  public StoreLocation location() {
    return location;
  }

  public Engine engine() {
    return location.engine();
  }

  /** The store's connection; callers that write hold {@link Ingestor}'s lock. */
  public Connection connection() {
    return connection;
  }

  /**
   * Another connection to the same database, for a reader or writer on another thread (the web
   * server gives one to each request): DuckDB connections are not thread-safe, but a duplicate of
   * the store's connection shares its database; PostgreSQL gets a new connection. The caller
   * closes it. Ingest writes still go through {@link Ingestor} on the store's own connection.
   */
  public Connection newConnection() {
    try {
      if (location.engine() == Engine.DUCKDB) {
        return connection.unwrap(org.duckdb.DuckDBConnection.class).duplicate();
      }
      return DriverManager.getConnection(location.jdbcUrl());
    } catch (SQLException e) {
      throw new StoreException(location.describe() + ": cannot open another connection: "
          + firstLine(String.valueOf(e.getMessage())), e);
    }
  }

  @Override
  public void close() {
    close(connection);
  }

  private static void close(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // closing: nothing left to save
    }
  }

  static String firstLine(String m) {
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
