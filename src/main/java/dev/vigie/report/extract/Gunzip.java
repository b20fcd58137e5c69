package dev.vigie.report.extract;

import dev.vigie.report.InvalidReportException;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates an in-memory gzip file (RFC 1952) straight from array to array with one reusable
 * {@link Inflater}: no stream layers, no per-file buffers, output sized from the ISIZE trailer.
 * Concatenated members are joined, as gzip(1) does. CRC-32 and ISIZE are verified. Bounded by an
 * absolute size and an inflate ratio. Not thread-safe: one per thread.
 */
final class Gunzip {
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;

  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private final byte[] spare = new byte[1];

  byte[] inflate(byte[] gz, long maxOut, int maxRatio) {
    byte[] out = new byte[initialSize(gz, maxOut)];
    int n = 0;
    int pos = 0;
    do {
      int start = n;
      pos = skipHeader(gz, pos);
      inflater.reset();
      inflater.setInput(gz, pos, gz.length - pos);
      crc.reset();
      try {
        while (!inflater.finished()) {
          if (n == out.length) {
            // Sized from ISIZE, the buffer is full when the data ends: zlib may need one more
            // call to read the end of the stream, which a spare byte shows without a copy.
            int extra = inflater.inflate(spare, 0, 1);
            if (extra == 0 && inflater.finished()) {
              break;
            }
            if (extra == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
              throw truncated(n);
            }
            if (n >= maxOut) {
              throw new InvalidReportException(
                  "the gzip stream is larger than the " + BoundedReader.human(maxOut) + " limit");
            }
            out = Arrays.copyOf(out, (int) Math.min(maxOut, Math.min(Integer.MAX_VALUE - 16, 2L * n)));
            if (extra > 0) {
              out[n++] = spare[0];
              continue;
            }
          }
          int r = inflater.inflate(out, n, out.length - n);
          n += r;
          if (r == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
            throw truncated(n);
          }
          if (n > BoundedReader.RATIO_FLOOR && n / gz.length > maxRatio) {
            throw new InvalidReportException("the gzip stream inflates more than " + maxRatio
                + " times its compressed size: refused as a decompression bomb");
          }
        }
      } catch (DataFormatException e) {
        throw new InvalidReportException("is a corrupt gzip stream: " + e.getMessage(), e);
      }
      crc.update(out, start, n - start);
      pos = gz.length - inflater.getRemaining();
      if (pos + 8 > gz.length) {
        throw new InvalidReportException("is a truncated gzip stream (no trailer)");
      }
      if (le32(gz, pos) != crc.getValue() || le32(gz, pos + 4) != ((n - start) & 0xFFFFFFFFL)) {
        throw new InvalidReportException("is a corrupt gzip stream (CRC or length mismatch)");
      }
      pos += 8;
    } while (pos + 10 <= gz.length && (gz[pos] & 0xFF) == 0x1F && (gz[pos + 1] & 0xFF) == 0x8B);
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  private static InvalidReportException truncated(int inflated) {
    return new InvalidReportException("is a truncated gzip stream (" + inflated
        + " bytes inflated)");
  }

  /**
   * ISIZE (the last member's size mod 2^32) as a first guess, trusted only within bounds
   * (deflate can't shrink data more than 1032 times): for the usual one-member file, exactly the
   * size of the result, which then needs no trimming copy.
   */
  private static int initialSize(byte[] gz, long maxOut) {
    long isize = gz.length >= 18 ? le32(gz, gz.length - 4) : 0;
    long guess = isize > 0 && isize <= (long) gz.length * 1032 ? isize : 4L * gz.length;
    return (int) Math.max(1024, Math.min(Math.min(maxOut, 64L << 20), guess));
  }

  /** Returns the offset of the deflate data after the RFC 1952 §2.3 member header at {@code p}. */
  private static int skipHeader(byte[] b, int p) {
    if (b.length - p < 18 || (b[p] & 0xFF) != 0x1F || (b[p + 1] & 0xFF) != 0x8B) {
      throw new InvalidReportException("is a truncated gzip stream (incomplete header)");
    }
    if (b[p + 2] != 8) {
      throw new InvalidReportException("is a gzip stream with unknown compression method " + b[p + 2]);
    }
    int flags = b[p + 3] & 0xFF;
    int q = p + 10;
    if ((flags & FEXTRA) != 0) {
      q += 2 + ((b[q] & 0xFF) | (b[q + 1] & 0xFF) << 8);
    }
    if ((flags & FNAME) != 0) {
      q = skipZeroTerminated(b, q);
    }
    if ((flags & FCOMMENT) != 0) {
      q = skipZeroTerminated(b, q);
    }
    if ((flags & FHCRC) != 0) {
      q += 2;
    }
    if (q >= b.length) {
      throw new InvalidReportException("is a truncated gzip stream (incomplete header)");
    }
    return q;
  }

  private static int skipZeroTerminated(byte[] b, int q) {
    while (q < b.length && b[q] != 0) {
      q++;
    }
    return q + 1;
  }

  private static long le32(byte[] b, int p) {
    return (b[p] & 0xFFL) | (b[p + 1] & 0xFFL) << 8 | (b[p + 2] & 0xFFL) << 16
        | (b[p + 3] & 0xFFL) << 24;
  }
}
