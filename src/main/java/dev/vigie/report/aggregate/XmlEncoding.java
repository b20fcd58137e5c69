package dev.vigie.report.aggregate;

import dev.vigie.report.InvalidReportException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Brings an XML document to UTF-8 (XML 1.0 §4.3.3, Appendix F): byte-order marks, UTF-16, and an
 * {@code encoding=} declaration other than UTF-8 are transcoded once, so the scanner only ever
 * reads UTF-8.
 */
final class XmlEncoding {
  private XmlEncoding() {}

  /** A UTF-8 view of the document: the bytes and the range to read. */
  record Utf8Doc(byte[] bytes, int from, int to) {}

  static Utf8Doc toUtf8(byte[] b, int from, int to, List<String> warnings) {
    if (to - from >= 3 && (b[from] & 0xFF) == 0xEF && (b[from + 1] & 0xFF) == 0xBB
        && (b[from + 2] & 0xFF) == 0xBF) {
      warnings.add("skipped a UTF-8 byte-order mark");
      from += 3;
    } else if (to - from >= 2 && (b[from] & 0xFF) == 0xFE && (b[from + 1] & 0xFF) == 0xFF) {
      return transcode(b, from + 2, to, StandardCharsets.UTF_16BE);
    } else if (to - from >= 2 && (b[from] & 0xFF) == 0xFF && (b[from + 1] & 0xFF) == 0xFE) {
      return transcode(b, from + 2, to, StandardCharsets.UTF_16LE);
    } else if (to - from >= 2 && b[from] == 0 && b[from + 1] == '<') {
      return transcode(b, from, to, StandardCharsets.UTF_16BE);
    } else if (to - from >= 2 && b[from] == '<' && b[from + 1] == 0) {
      return transcode(b, from, to, StandardCharsets.UTF_16LE);
    }
    Charset declared = declared(b, from, to, warnings);
    if (declared == null || declared.equals(StandardCharsets.UTF_8)
        || declared.equals(StandardCharsets.US_ASCII)) {
      return new Utf8Doc(b, from, to);
    }
    return transcode(b, from, to, declared);
  }

  /**
   * The encoding named in the XML declaration (§4.3.3) within the first 200 bytes:
   * {@code <?xml ... encoding="NAME"}, after optional white space. Scanned by hand: a regular
   * expression per document was a tenth of the allocations of a corpus parse.
   */
  private static @Nullable Charset declared(byte[] b, int from, int to, List<String> warnings) {
    int end = Math.min(to, from + 200);
    int p = from;
    while (p < end && isSpace(b[p])) {
      p++;
    }
    if (!startsWith(b, p, end, "<?xml")) {
      return null;
    }
    for (int i = p + 5; i < end && b[i] != '>'; i++) {
      if (b[i] != 'e' || !startsWith(b, i, end, "encoding")) {
        continue;
      }
      int q = i + 8;
      while (q < end && isSpace(b[q])) {
        q++;
      }
      if (q >= end || b[q] != '=') {
        continue;
      }
      q++;
      while (q < end && isSpace(b[q])) {
        q++;
      }
      if (q >= end || (b[q] != '"' && b[q] != '\'')) {
        continue;
      }
      int nameFrom = ++q;
      while (q < end && isNameChar(b[q])) {
        q++;
      }
      if (q == nameFrom || q >= end || (b[q] != '"' && b[q] != '\'')) {
        continue;
      }
      String name = new String(b, nameFrom, q - nameFrom, StandardCharsets.US_ASCII);
      try {
        return Charset.forName(name);
      } catch (IllegalArgumentException e) {
        warnings.add("unknown declared encoding \"" + name + "\"; read as UTF-8");
        return null;
      }
    }
    return null;
  }

  /** White space as the declaration may hold it (and as {@code \s} matched before). */
  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
  }

  /** Characters of an encoding name (§4.3.3 EncName, plus ':'). */
  private static boolean isNameChar(byte c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '.' || c == '_' || c == ':' || c == '-';
  }

  /** {@code b[p, end)} starts with the ASCII text {@code s}. */
  static boolean startsWith(byte[] b, int p, int end, String s) {
    if (p + s.length() > end) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (b[p + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static Utf8Doc transcode(byte[] b, int from, int to, Charset cs) {
    String text = new String(b, from, to - from, cs);
    if (text.indexOf('<') < 0) {
      throw new InvalidReportException(
          "the document is not XML in its declared encoding " + cs.name().toLowerCase(Locale.ROOT));
    }
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    return new Utf8Doc(utf8, 0, utf8.length);
  }
}
