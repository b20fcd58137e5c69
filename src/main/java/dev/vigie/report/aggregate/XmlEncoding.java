package dev.vigie.report.aggregate;

import dev.vigie.report.InvalidReportException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings an XML document to UTF-8 (XML 1.0 §4.3.3, Appendix F): byte-order marks, UTF-16, and an
 * {@code encoding=} declaration other than UTF-8 are transcoded once, so the scanner only ever
 * reads UTF-8.
 */
final class XmlEncoding {
  private static final Pattern DECLARED =
      Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

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

  private static Charset declared(byte[] b, int from, int to, List<String> warnings) {
    int n = Math.min(to - from, 200);
    String head = new String(b, from, n, StandardCharsets.ISO_8859_1);
    Matcher m = DECLARED.matcher(head);
    if (!m.find()) {
      return null;
    }
    String name = m.group(1);
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      warnings.add("unknown declared encoding \"" + name + "\"; read as UTF-8");
      return null;
    }
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
