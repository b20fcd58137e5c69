package dev.vigie.report.failure;

import dev.vigie.report.mail.MailHeader;
import java.util.ArrayList;
import java.util.List;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.jspecify.annotations.Nullable;

/**
 * A block of RFC 5322 §2.2 header fields read from text with LF line endings: the fields of a
 * message/feedback-report part (RFC 5965 §3.1 uses the same syntax) or the head of a sample.
 *
 * @param fields the fields in order, unfolded (§2.2.3), values stripped, encoded-words kept
 * @param body what follows the blank line ending the block, or "" when there is none
 * @param malformed lines that were neither a field nor a continuation
 */
record HeaderBlock(List<MailHeader> fields, String body, int malformed) {
  private static final int MAX_FIELDS = 10_000;

  /**
   * @param wholeText true for a feedback-report part, where every line is a field and blank lines
   *     are skipped; false for a message, whose header block ends at the first blank line (or, as
   *     mime4j does, at the first line that is not a field)
   */
  static HeaderBlock parse(String text, boolean wholeText) {
    List<MailHeader> fields = new ArrayList<>();
    StringBuilder value = null;
    String name = null;
    int malformed = 0;
    int pos = 0;
    String body = "";
    while (pos < text.length() && fields.size() < MAX_FIELDS) {
      int nl = text.indexOf('\n', pos);
      int end = nl < 0 ? text.length() : nl;
      String line = text.substring(pos, end);
      int next = nl < 0 ? text.length() : nl + 1;
      if (line.isBlank()) {
        if (!wholeText) {
          body = text.substring(next);
          break;
        }
        add(fields, name, value);
        name = null;
        value = null;
      } else if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && value != null) {
        value.append(' ').append(line.strip());
      } else {
        int colon = line.indexOf(':');
        if (colon > 0 && isFieldName(line.substring(0, colon).stripTrailing())) {
          add(fields, name, value);
          name = line.substring(0, colon).strip();
          value = new StringBuilder(line.substring(colon + 1).strip());
        } else if (wholeText) {
          malformed++;
        } else {
          malformed++;
          body = text.substring(pos);
          break;
        }
      }
      pos = next;
    }
    add(fields, name, value);
    return new HeaderBlock(List.copyOf(fields), body, malformed);
  }

  private static void add(List<MailHeader> fields, @Nullable String name, @Nullable StringBuilder v) {
    if (name != null && v != null) {
      fields.add(new MailHeader(name, v.toString().strip()));
    }
  }

  /** RFC 5322 §3.6.8 ftext: printable US-ASCII except colon; no spaces. */
  private static boolean isFieldName(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 33 || c > 126) {
        return false;
      }
    }
    return true;
  }

  /** Every value of the named field (case-insensitive), in order. */
  List<String> all(String fieldName) {
    List<String> out = new ArrayList<>();
    for (MailHeader h : fields) {
      if (h.name().equalsIgnoreCase(fieldName)) {
        out.add(h.value());
      }
    }
    return out;
  }

  /** The first value of the named field, or null. */
  @Nullable String first(String fieldName) {
    for (MailHeader h : fields) {
      if (h.name().equalsIgnoreCase(fieldName)) {
        return h.value();
      }
    }
    return null;
  }

  /** The first value with RFC 2047 encoded-words decoded, or null when absent or empty. */
  @Nullable String decoded(String fieldName) {
    String v = first(fieldName);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return DecoderUtil.decodeEncodedWords(v, DecodeMonitor.SILENT).strip();
    } catch (RuntimeException e) {
      return v;
    }
  }
}
