package dev.vigie.store;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Rows in CSV (RFC 4180) as both engines' bulk loaders read them: DuckDB's {@code COPY … FROM
 * file} and PostgreSQL's {@code COPY … FROM STDIN (FORMAT csv)}. Null is an unquoted {@code \N};
 * a field is quoted when it holds a comma, quote, line break or backslash, so a quoted {@code
 * "\N"} stays the two characters it is in both engines. Built as UTF-8 bytes so it can be
 * rendered on worker threads and handed to the loader as is.
 */
final class CsvRows {
  static final String NULL = "\\N";
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private byte[] buf;
  private int size;
  private boolean rowStart = true;

  CsvRows(int capacity) {
    buf = new byte[Math.max(64, capacity)];
  }

  CsvRows text(@Nullable String v) {
    sep();
    if (v == null) {
      raw('\\');
      raw('N');
      return this;
    }
    byte[] b = v.getBytes(StandardCharsets.UTF_8); // a plain copy for ASCII (compact) strings
    if (b.length > 0 && !special(b)) {
      ensure(b.length);
      System.arraycopy(b, 0, buf, size, b.length);
      size += b.length;
      return this;
    }
    // "" stays the empty string (unquoted nothing reads as null in DuckDB); quotes are doubled
    ensure(b.length * 2 + 2);
    buf[size++] = '"';
    for (byte x : b) {
      if (x == '"') {
        buf[size++] = '"';
      }
      buf[size++] = x;
    }
    buf[size++] = '"';
    return this;
  }

  /** A comma, quote, line break or backslash: the field must be quoted. */
  private static boolean special(byte[] b) {
    for (byte x : b) {
      if (x == ',' || x == '"' || x == '\n' || x == '\r' || x == '\\') {
        return true;
      }
    }
    return false;
  }

  CsvRows num(long v) {
    sep();
    utf8(Long.toString(v));
    return this;
  }

  CsvRows nullableNum(@Nullable Long v) {
    return v == null ? text(null) : num(v);
  }

  CsvRows bool(boolean v) {
    sep();
    utf8(v ? "true" : "false");
    return this;
  }

  CsvRows time(LocalDateTime t) {
    sep();
    utf8(t.toLocalDate().toString());
    raw(' ');
    utf8(t.toLocalTime().toString()); // HH:mm[:ss[.fff]]: both engines read every ISO form
    return this;
  }

  /** PostgreSQL's hex form of bytea ({@code \x0a1b…}); DuckDB would read it as text. */
  CsvRows bytea(byte[] b) {
    sep();
    ensure(2 + 2 * b.length);
    buf[size++] = '\\';
    buf[size++] = 'x';
    for (byte x : b) {
      buf[size++] = HEX[(x >> 4) & 0xF];
      buf[size++] = HEX[x & 0xF];
    }
    return this;
  }

  CsvRows date(LocalDate d) {
    sep();
    utf8(d.toString());
    return this;
  }

  /** Ends the row. */
  CsvRows end() {
    raw('\n');
    rowStart = true;
    return this;
  }

  /** Ends the current row with fields rendered elsewhere ({@code b} ends with its line break). */
  CsvRows rest(byte[] b) {
    sep();
    append(b, 0, b.length);
    rowStart = true;
    return this;
  }

  /** Appends rows rendered elsewhere, whole. */
  CsvRows append(byte[] b, int from, int to) {
    ensure(to - from);
    System.arraycopy(b, from, buf, size, to - from);
    size += to - from;
    return this;
  }

  int size() {
    return size;
  }

  byte[] array() {
    return buf;
  }

  byte[] toBytes() {
    return Arrays.copyOf(buf, size);
  }

  private void sep() {
    if (!rowStart) {
      raw(',');
    }
    rowStart = false;
  }

  private void utf8(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    ensure(b.length);
    System.arraycopy(b, 0, buf, size, b.length);
    size += b.length;
  }

  private void raw(char ch) {
    ensure(1);
    buf[size++] = (byte) ch;
  }

  private void ensure(int more) {
    if (size + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
  }
}
