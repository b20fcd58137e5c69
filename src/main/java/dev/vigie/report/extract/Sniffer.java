package dev.vigie.report.extract;

import java.nio.charset.StandardCharsets;

/** Recognises what a byte sequence is from its first bytes (magic numbers, then text shape). */
final class Sniffer {
  enum Kind {
    EMPTY, GZIP, ZIP, XML, JSON, MBOX, EMAIL, UNKNOWN;

    boolean isContainer() {
      return this == GZIP || this == ZIP || this == MBOX || this == EMAIL;
    }
  }

  private Sniffer() {}

  static Kind sniff(byte[] b) {
    int n = b.length;
    if (n >= 2 && (b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B) {
      return Kind.GZIP;
    }
    // Local file header, or the end-of-central-directory record of an empty archive.
    if (n >= 4 && b[0] == 'P' && b[1] == 'K' && ((b[2] == 3 && b[3] == 4) || (b[2] == 5 && b[3] == 6))) {
      return Kind.ZIP;
    }
    if (isMbox(b, n)) {
      return Kind.MBOX;
    }
    if (n >= 2 && (((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)
        || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE))) {
      return Kind.XML; // UTF-16 byte-order mark: only XML reports come that way
    }
    int i = 0;
    if (n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      i = 3;
    }
    while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
      i++;
    }
    if (i == n) {
      return Kind.EMPTY;
    }
    if (b[i] == '<') {
      return Kind.XML;
    }
    if (b[i] == '{') {
      return Kind.JSON;
    }
    return looksLikeHeader(b, i) ? Kind.EMAIL : Kind.UNKNOWN;
  }

  static boolean isMbox(byte[] b, int n) {
    return n >= 5 && b[0] == 'F' && b[1] == 'r' && b[2] == 'o' && b[3] == 'm' && b[4] == ' ';
  }

  /** An RFC 5322 §2.2 header field: printable ASCII except ':', then a colon. */
  private static boolean looksLikeHeader(byte[] b, int i) {
    int start = i;
    while (i < b.length && i - start < 100) {
      byte c = b[i];
      if (c == ':') {
        return i > start;
      }
      if (c < 33 || c > 126) {
        return false;
      }
      i++;
    }
    return false;
  }

  static String describeStart(byte[] b) {
    int n = Math.min(b.length, 12);
    StringBuilder s = new StringBuilder();
    boolean printable = true;
    for (int i = 0; i < n; i++) {
      if (b[i] < 32 || b[i] > 126) {
        printable = false;
        break;
      }
    }
    if (printable) {
      return "\"" + new String(b, 0, n, StandardCharsets.US_ASCII) + "\"";
    }
    for (int i = 0; i < n; i++) {
      s.append(String.format("%02x", b[i] & 0xFF));
    }
    return "bytes " + s;
  }
}
