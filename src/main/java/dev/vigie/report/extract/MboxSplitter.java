package dev.vigie.report.extract;

import dev.vigie.report.ParseLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Streams an mbox file (RFC 4155) message by message, so a 1 GB mailbox needs only one message in
 * memory at a time. A line starting with "From " begins a message; mboxrd's {@code >From} quoting
 * is undone.
 */
final class MboxSplitter {
  private MboxSplitter() {}

  static void split(String origin, InputStream in, ParseLimits limits,
      BiConsumer<String, byte[]> onMessage, Consumer<ParseOutcome> sink) {
    LineReader lines = new LineReader(in);
    ByteArrayOutputStream message = new ByteArrayOutputStream(64 * 1024);
    int n = 0;
    boolean tooLarge = false;
    try {
      while (lines.next()) {
        byte[] l = lines.buf;
        int off = lines.off;
        int len = lines.len;
        if (isSeparator(l, off, len)) {
          if (n > 0) {
            emit(origin, n, message, tooLarge, limits, onMessage, sink);
          }
          n++;
          message.reset();
          tooLarge = false;
          continue;
        }
        if (n == 0 || tooLarge) {
          continue; // before the first separator, or the rest of an oversized message
        }
        int skip = quotedFrom(l, off, len) ? 1 : 0;
        message.write(l, off + skip, len - skip);
        if (message.size() > limits.maxInputBytes()) {
          tooLarge = true;
          message.reset();
        }
      }
      if (n > 0) {
        emit(origin, n, message, tooLarge, limits, onMessage, sink);
      }
    } catch (IOException e) {
      sink.accept(new ParseOutcome.Failed(origin + " > message " + Math.max(n, 1),
          "the mbox could not be read further: " + BoundedReader.describe(e)));
    }
  }

  private static void emit(String origin, int n, ByteArrayOutputStream message, boolean tooLarge,
      ParseLimits limits, BiConsumer<String, byte[]> onMessage, Consumer<ParseOutcome> sink) {
    String name = origin + " > message " + n;
    if (tooLarge) {
      sink.accept(new ParseOutcome.Failed(name, "is larger than the "
          + BoundedReader.human(limits.maxInputBytes()) + " limit"));
    } else {
      onMessage.accept(name, message.toByteArray());
    }
  }

  private static boolean isSeparator(byte[] l, int off, int len) {
    return len >= 5 && l[off] == 'F' && l[off + 1] == 'r' && l[off + 2] == 'o'
        && l[off + 3] == 'm' && l[off + 4] == ' ';
  }

  /** mboxrd: a body line ">From " (any number of '>') was quoted by the writer. */
  private static boolean quotedFrom(byte[] l, int off, int len) {
    if (len < 6 || l[off] != '>') {
      return false;
    }
    int i = off;
    int end = off + len;
    while (i < end && l[i] == '>') {
      i++;
    }
    return end - i >= 5 && isSeparator(l, i, end - i);
  }

  /**
   * Lines with their terminator kept, so messages keep their bytes exactly. A line is a window
   * ({@link #buf}, {@link #off}, {@link #len}) into the read buffer, copied only when it straddles
   * two reads.
   */
  private static final class LineReader {
    private static final int MAX_LINE = 1024 * 1024;
    private final InputStream in;
    private final byte[] chunk = new byte[256 * 1024];
    private int pos;
    private int limit;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    byte[] buf = chunk;
    int off;
    int len;

    LineReader(InputStream in) {
      this.in = in;
    }

    boolean next() throws IOException {
      partial.reset();
      while (true) {
        if (pos == limit) {
          limit = in.read(chunk);
          pos = 0;
          if (limit <= 0) {
            limit = 0;
            return partial.size() > 0 && fromPartial();
          }
        }
        int start = pos;
        while (pos < limit && chunk[pos] != '\n') {
          pos++;
        }
        if (pos < limit) {
          pos++;
          if (partial.size() == 0) {
            buf = chunk;
            off = start;
            len = pos - start;
            return true;
          }
          partial.write(chunk, start, pos - start);
          return fromPartial();
        }
        partial.write(chunk, start, pos - start);
        if (partial.size() > MAX_LINE) {
          // A "line" of a megabyte is binary data; hand it over in pieces.
          return fromPartial();
        }
      }
    }

    private boolean fromPartial() {
      buf = partial.toByteArray();
      off = 0;
      len = buf.length;
      return true;
    }
  }
}
