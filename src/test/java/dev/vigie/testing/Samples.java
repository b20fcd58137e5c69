package dev.vigie.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared real-world samples (../shared/samples/parsedmarc), by relative path. */
public final class Samples {
  private Samples() {}

  public static Path root() {
    String p = System.getProperty("vigie.samples");
    Path root = p != null ? Path.of(p) : Path.of("../shared/samples/parsedmarc");
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException("samples not found at " + root.toAbsolutePath()
          + "; run the tests with ../shared beside the repository");
    }
    return root;
  }

  public static Path path(String relative) {
    return root().resolve(relative);
  }

  public static byte[] bytes(String relative) {
    try {
      return Files.readAllBytes(path(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
