package dev.vigie.ingest.smtp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The client's side of one connection: command lines and the DATA block, read through one buffer
 * so that pipelined commands (RFC 2920) are not lost between the two.
 */
final class SmtpInput {
  /** Called before each blocking read, to set the socket timeout or end the session. */
  interface BeforeRead {
    void beforeRead() throws IOException;
  }

  /** A command line over the limit; the rest of it has been read and thrown away. */
  static final class LineTooLongException extends IOException {
    LineTooLongException() {
      super("line too long");
    }
  }

  private static final int CR = '\r';
  private static final int LF = '\n';

  private final InputStream in;
  private final BeforeRead beforeRead;
  private final byte[] buf = new byte[16 * 1024];
  private int pos;
  private int limit;

  SmtpInput(InputStream in, BeforeRead beforeRead) {
    this.in = in;
    this.beforeRead = beforeRead;
  }

  /** Bytes the client sent that have not been read yet (RFC 3207 §5: dropped at STARTTLS). */
  boolean hasBuffered() {
    return pos < limit;
  }

  /**
   * One command line without its ending. CRLF ends it; so does a bare LF, as Postfix and Exim
   * allow, since a command cannot smuggle anything (the DATA terminator stays strict).
   *
   * @param maxLength octets allowed before the line ending (RFC 5321 §4.5.3.1.4)
   * @return the line, octets as ISO-8859-1 characters; null when the client has closed
   */
  @Nullable String readLine(int maxLength) throws IOException {
    StringBuilder line = new StringBuilder(64);
    boolean tooLong = false;
    while (true) {
      int b = read();
      if (b < 0) {
        return null;
      }
      if (b == LF) {
        if (tooLong) {
          throw new LineTooLongException();
        }
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == CR ? line.substring(0, end - 1) : line.toString();
      }
      if (line.length() <= maxLength) { // one more than allowed, for a CR before LF
        line.append((char) b);
      } else {
        tooLong = true;
      }
    }
  }

  /**
   * The DATA block up to {@code CRLF.CRLF}, dot-unstuffed (RFC 5321 §4.5.2), other bytes as sent.
   * Only {@code CRLF.CRLF} ends it: a bare-LF variant is data, not an end (the "SMTP smuggling"
   * ambiguity). Past {@code maxBytes} it keeps reading to the end but stores nothing more.
   *
   * @return the message, or null when it was longer than {@code maxBytes}
   * @throws EOFException when the client closed before the end of the data
   */
  byte @Nullable [] readData(int maxBytes) throws IOException {
    Bounded out = new Bounded(maxBytes);
    State state = State.LINE_START;
    while (true) {
      int b = read();
      if (b < 0) {
        throw new EOFException("connection closed during DATA");
      }
      state = switch (state) {
        case LINE_START -> {
          if (b == '.') {
            yield State.DOT;
          }
          out.put(b);
          yield b == CR ? State.CR : State.MIDDLE;
        }
        case MIDDLE -> {
          out.put(b);
          yield b == CR ? State.CR : State.MIDDLE;
        }
        case CR -> {
          out.put(b);
          yield b == LF ? State.LINE_START : b == CR ? State.CR : State.MIDDLE;
        }
        case DOT -> { // the leading dot goes, whatever follows it
          if (b == CR) {
            yield State.DOT_CR;
          }
          out.put(b);
          yield State.MIDDLE;
        }
        case DOT_CR -> {
          if (b == LF) {
            yield State.END;
          }
          out.put(CR);
          out.put(b);
          yield b == CR ? State.CR : State.MIDDLE;
        }
        case END -> throw new IllegalStateException("read past the end of DATA");
      };
      if (state == State.END) {
        return out.result();
      }
    }
  }

  /** Collects at most {@code max} bytes and counts the rest. */
  private static final class Bounded {
    private final int max;
    private byte[] bytes;
    private long size;

    Bounded(int max) {
      this.max = max;
      this.bytes = new byte[Math.min(max, 64 * 1024)];
    }

    void put(int b) {
      if (size < max) {
        if (size == bytes.length) {
          bytes = Arrays.copyOf(bytes, (int) Math.min(max, 2L * bytes.length));
        }
        bytes[(int) size] = (byte) b;
      }
      size++;
    }

    byte @Nullable [] result() {
      return size > max ? null : size == bytes.length ? bytes : Arrays.copyOf(bytes, (int) size);
    }
  }

  private enum State { LINE_START, MIDDLE, CR, DOT, DOT_CR, END }

  private int read() throws IOException {
    if (pos == limit) {
      beforeRead.beforeRead();
      int n = in.read(buf, 0, buf.length);
      if (n <= 0) {
        return -1;
      }
      pos = 0;
      limit = n;
    }
    return buf[pos++] & 0xff;
  }
}
