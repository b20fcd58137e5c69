package dev.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a listed file whole, whatever became of it since it was listed. */
class InputFilesTest {
  @TempDir Path dir;

  @Test
  void read_givesTheWholeFileEvenWhenItsListedSizeIsStale() throws Exception {
    byte[] data = new byte[5000];
    new Random(3).nextBytes(data);
    Path f = Files.write(dir.resolve("report.xml.gz"), data);
    assertThat(InputFiles.read(f, 5000)).isEqualTo(data);
    assertThat(InputFiles.read(f, 4000)).as("grown since listed").isEqualTo(data);
    assertThat(InputFiles.read(f, 6000)).as("shrunk since listed").isEqualTo(data);
    assertThat(InputFiles.read(f, -1)).as("size unknown").isEqualTo(data);
    assertThat(InputFiles.read(f, 4999)).isEqualTo(data);
    assertThat(InputFiles.read(Files.write(dir.resolve("empty.xml"), new byte[0]), 0)).isEmpty();
    byte[] big = new byte[3 << 20]; // over the small-file path
    new Random(4).nextBytes(big);
    assertThat(InputFiles.read(Files.write(dir.resolve("big.mbox"), big), big.length))
        .isEqualTo(big);
  }
}
