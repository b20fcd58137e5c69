package dev.vigie.cli;

import dev.vigie.store.Store;
import dev.vigie.store.StoreLocation;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which store a command uses: --data DIR (VIGIE_DATA) for the embedded one, --db URL (VIGIE_DB). */
final class StoreOptions {
  @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:VIGIE_DATA}",
      description = "Embedded store folder (or VIGIE_DATA; default ./vigie-data).")
  Path data;

  @Option(names = "--db", paramLabel = "JDBC_URL", defaultValue = "${env:VIGIE_DB}",
      description = "PostgreSQL instead: jdbc:postgresql://host:port/db?user=…&password=… (or VIGIE_DB).")
  String db;

  StoreLocation location() {
    if (data != null && db != null) {
      throw new IllegalArgumentException("give --data or --db, not both");
    }
    return db != null ? StoreLocation.postgres(db)
        : StoreLocation.embedded(data != null ? data : StoreLocation.DEFAULT_DATA_DIR);
  }

  Store open() {
    return Store.open(location());
  }
}
