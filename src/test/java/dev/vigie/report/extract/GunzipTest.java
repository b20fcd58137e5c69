package dev.vigie.report.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Gunzip sizes its output from the ISIZE trailer: every size comes back whole and exact. */
class GunzipTest {
  private final Gunzip gunzip = new Gunzip();

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(out)) {
      g.write(data);
    }
    return out.toByteArray();
  }

  private static byte[] text(int size, long seed) {
    Random r = new Random(seed);
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) (r.nextInt(8) == 0 ? r.nextInt(256) : "<record>pass</record>\n".charAt(i % 22));
    }
    return b;
  }

  @Test
  void inflate_everySizeExactly() throws IOException {
    for (int size : new int[] {1, 17, 1023, 1024, 1025, 8192, 65_535, 65_536, 300_001}) {
      byte[] data = text(size, size);
      byte[] out = gunzip.inflate(gzip(data), 1L << 30, 1000);
      assertThat(out).as("size %d", size).hasSize(size).isEqualTo(data);
    }
  }

  @Test
  void inflate_twoMembersJoined() throws IOException {
    byte[] a = text(5000, 1);
    byte[] b = text(70_000, 2);
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    both.write(gzip(a));
    both.write(gzip(b));
    byte[] out = gunzip.inflate(both.toByteArray(), 1L << 30, 1000);
    assertThat(out).hasSize(a.length + b.length);
    assertThat(java.util.Arrays.copyOfRange(out, 0, a.length)).isEqualTo(a);
    assertThat(java.util.Arrays.copyOfRange(out, a.length, out.length)).isEqualTo(b);
  }
}
