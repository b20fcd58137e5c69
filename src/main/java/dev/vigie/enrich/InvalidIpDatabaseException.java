package dev.vigie.enrich;

import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** A MaxMind-format database file that cannot be read; the message names the file. */
public final class InvalidIpDatabaseException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public InvalidIpDatabaseException(Path file, String problem, @Nullable Throwable cause) {
    super(file + " is not a usable MaxMind-format (MMDB) database: " + problem, cause);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
