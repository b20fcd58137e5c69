package dev.vigie.report.output;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A growable byte buffer that JSON text is written into token by token, byte for byte as Jackson's
 * compact generator writes it: UTF-8, {@code "} and {@code \} escaped, control characters as
 * {@code \b \t \n \f \r} or a six-character {@code u00XX} escape (RFC 8259 §7), UTF-16
 * surrogates escaped each on its own, nothing else escaped. The caller writes the punctuation
 * (pre-encoded with the field names: see {@link AggregateReportLine}).
 */
final class JsonBytes {
  /** Per ASCII character: 0 written as is, else the letter after the backslash ('u': the u00XX form). */
  private static final byte[] ESCAPE = new byte[128];
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  static {
    for (int c = 0; c < 0x20; c++) {
      ESCAPE[c] = 'u';
    }
    ESCAPE['\b'] = 'b';
    ESCAPE['\t'] = 't';
    ESCAPE['\n'] = 'n';
    ESCAPE['\f'] = 'f';
    ESCAPE['\r'] = 'r';
    ESCAPE['"'] = '"';
    ESCAPE['\\'] = '\\';
  }

  private byte[] buf;
  private int len;
  private char[] chars = new char[256];

  JsonBytes(int capacity) {
    buf = new byte[capacity];
  }

  void reset() {
    len = 0;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  JsonBytes raw(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
    return this;
  }

  JsonBytes raw(char c) {
    ensure(1);
    buf[len++] = (byte) c;
    return this;
  }

  JsonBytes bool(boolean b) {
    return raw(b ? TRUE : FALSE);
  }

  JsonBytes number(long v) {
    if (v >= 0 && v < 10) {
      return raw((char) ('0' + v));
    }
    return raw(Long.toString(v).getBytes(StandardCharsets.US_ASCII));
  }

  /** A JSON string, or null. */
  JsonBytes string(@Nullable String s) {
    if (s == null) {
      return raw(NULL);
    }
    int n = s.length();
    if (chars.length < n) {
      chars = new char[Math.max(n, chars.length * 2)];
    }
    char[] cs = chars;
    s.getChars(0, n, cs, 0);
    ensure(n * 6 + 2); // an escape (six bytes) is the most one char takes
    byte[] b = buf;
    int p = len;
    b[p++] = '"';
    for (int i = 0; i < n; i++) {
      char c = cs[i];
      if (c < 0x80) {
        byte e = ESCAPE[c];
        if (e == 0) {
          b[p++] = (byte) c;
        } else if (e == 'u') {
          b[p++] = '\\';
          b[p++] = 'u';
          b[p++] = '0';
          b[p++] = '0';
          b[p++] = HEX[c >> 4];
          b[p++] = HEX[c & 0xF];
        } else {
          b[p++] = '\\';
          b[p++] = e;
        }
      } else if (c < 0x800) {
        b[p++] = (byte) (0xC0 | (c >> 6));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (!Character.isSurrogate(c)) {
        b[p++] = (byte) (0xE0 | (c >> 12));
        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      } else { // as Jackson (without COMBINE_UNICODE_SURROGATES_IN_UTF8): each half escaped
        b[p++] = '\\';
        b[p++] = 'u';
        b[p++] = HEX[c >> 12];
        b[p++] = HEX[(c >> 8) & 0xF];
        b[p++] = HEX[(c >> 4) & 0xF];
        b[p++] = HEX[c & 0xF];
      }
    }
    b[p++] = '"';
    len = p;
    return this;
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(len + more, buf.length * 2));
    }
  }

  private static final byte[] TRUE = ascii("true");
  private static final byte[] FALSE = ascii("false");
  private static final byte[] NULL = ascii("null");

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
