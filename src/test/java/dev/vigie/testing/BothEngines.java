package dev.vigie.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigie.store.Store;
import dev.vigie.store.StoreLocation;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh store on either engine for suites that run against both: the embedded DuckDB in a
 * folder, or a new database on one real PostgreSQL server shared by the whole test run (started
 * on first use, stopped when the JVM ends; skipped with a message where PostgreSQL is absent).
 */
public final class BothEngines {
  private static LocalPostgres postgres;
  private static final AtomicInteger DB = new AtomicInteger();

  private BothEngines() {}

  public static Store open(StoreLocation.Engine engine, Path dir) throws Exception {
    if (engine == StoreLocation.Engine.DUCKDB) {
      return Store.open(StoreLocation.embedded(dir.resolve("data")));
    }
    assumeTrue(LocalPostgres.available(), "PostgreSQL is not installed; .ci/run installs it");
    synchronized (BothEngines.class) {
      if (postgres == null) {
        LocalPostgres started = LocalPostgres.start();
        Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        postgres = started;
      }
    }
    return Store.open(StoreLocation.postgres(postgres.createDatabase("t" + DB.incrementAndGet())));
  }
}
