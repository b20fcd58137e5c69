package dev.vigie.report.extract;

import dev.vigie.report.InvalidReportException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads a stream fully into memory, refusing to grow past a limit (decompression bombs, huge files). */
final class BoundedReader {
  private static final long GIB = 1024L * 1024 * 1024;

  /** Small XML compresses 20–50×; a ratio only means something past this size. */
  static final int RATIO_FLOOR = 1024 * 1024;

  private BoundedReader() {}

  /**
   * @param what names the data in the error, e.g. "gzip stream"
   * @param compressedSize bytes the data was inflated from, or -1 when not compressed
   */
  static byte[] readAll(InputStream in, long limit, String what, long compressedSize, int maxRatio) {
    return readAll(in, limit, what, compressedSize, maxRatio, 8192);
  }

  /** @param sizeHint expected size (a declared size, never trusted beyond the limit) */
  static byte[] readAll(InputStream in, long limit, String what, long compressedSize, int maxRatio,
      long sizeHint) {
    // Exactly the hint (a zip member's declared size): a full buffer at the end of the data is
    // then returned as it is, with no trimming copy.
    int initial = sizeHint > 0 ? (int) Math.min(Math.min(limit, 64L << 20), sizeHint)
        : (int) Math.min(8192, limit);
    byte[] buf = new byte[Math.max(1, initial)];
    int n = 0;
    try {
      while (true) {
        if (n == buf.length) {
          int more = in.read();
          if (more < 0) {
            break;
          }
          if (n >= limit) {
            throw new InvalidReportException(
                what + " is larger than the " + human(limit) + " limit");
          }
          buf = Arrays.copyOf(buf, (int) Math.min(limit, Math.min(Integer.MAX_VALUE - 16, 2L * n)));
          buf[n++] = (byte) more;
          continue;
        }
        int r = in.read(buf, n, buf.length - n);
        if (r < 0) {
          break;
        }
        n += r;
        if (compressedSize > 0 && n > RATIO_FLOOR
            && n / compressedSize > maxRatio) {
          throw new InvalidReportException(
              what + " inflates more than " + maxRatio + " times its compressed size ("
                  + human(compressedSize) + " → over " + human(n) + "): refused as a decompression bomb");
        }
      }
    } catch (IOException e) {
      throw new InvalidReportException(what + " is corrupt or truncated: " + describe(e), e);
    }
    return n == buf.length ? buf : Arrays.copyOf(buf, n);
  }

  static String describe(IOException e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      // ZipInputStream throws a bare EOFException when an archive is cut short.
      return e instanceof java.io.EOFException ? "unexpected end of data"
          : e.getClass().getSimpleName();
    }
    return m;
  }

  static String human(long bytes) {
    if (bytes >= GIB) {
      return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) GIB);
    }
    if (bytes >= 1024 * 1024) {
      return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
    if (bytes >= 1024) {
      return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    return bytes + " bytes";
  }
}
