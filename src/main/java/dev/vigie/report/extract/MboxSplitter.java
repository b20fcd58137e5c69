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
      byte[] line;
      while ((line = lines.next()) != null) {
        if (isSeparator(line)) {
          if (n > 0) {
            emit(origin, n, message, tooLarge, limits, onMessage, sink);
          }
          n++;
          message.reset();
          tooLarge = false;
          continue;
        }
        if (n == 0) {
          continue; // before the first separator: not part of any message
        }
        if (tooLarge) {
          continue;
        }
        int skip = quotedFrom(line) ? 1 : 0;
        message.write(line, skip, line.length - skip);
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

  private static boolean isSeparator(byte[] l) {
    return l.length >= 5 && l[0] == 'F' && l[1] == 'r' && l[2] == 'o' && l[3] == 'm'
        && l[4] == ' ';
  }

  /** mboxrd: a body line ">From " (any number of '>') was quoted by the writer. */
  private static boolean quotedFrom(byte[] l) {
    int i = 0;
    while (i < l.length && l[i] == '>') {
      i++;
    }
    return i > 0 && l.length - i >= 5 && l[i] == 'F' && l[i + 1] == 'r' && l[i + 2] == 'o'
        && l[i + 3] == 'm' && l[i + 4] == ' ';
  }

  /** Lines with their terminator kept, so messages keep their bytes exactly. */
  private static final class LineReader {
    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int len;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    LineReader(InputStream in) {
      this.in = in;
    }

    byte[] next() throws IOException {
      partial.reset();
      while (true) {
        if (pos == len) {
          len = in.read(buf);
          pos = 0;
          if (len <= 0) {
            len = 0;
            return partial.size() == 0 ? null : partial.toByteArray();
          }
        }
        int start = pos;
        while (pos < len && buf[pos] != '\n') {
          pos++;
        }
        if (pos < len) {
          pos++;
          partial.write(buf, start, pos - start);
          return partial.toByteArray();
        }
        partial.write(buf, start, pos - start);
        if (partial.size() > 1024 * 1024) {
          // A "line" of a megabyte is binary data; hand it over in pieces.
          return partial.toByteArray();
        }
      }
    }
  }
}
