package dev.vigie.dns.dkim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * RFC 6376 §3.2 tag-list: {@code tag-spec *(";" tag-spec) [";"]}, {@code tag-spec = [FWS]
 * tag-name [FWS] "=" [FWS] tag-value [FWS]}, {@code tag-name = ALPHA *(ALPHA / DIGIT / "_")},
 * values of {@code %x21-3A / %x3C-7E} with inner whitespace. Tag names are case-sensitive, and a
 * repeated tag or a syntax error makes the whole list invalid.
 */
final class TagList {

  /**
   * Either the tags in order, or what is wrong and where (1-based).
   */
  record Result(@Nullable Map<String, String> tags, @Nullable String error, int position) {}

  private TagList() {}

  static Result parse(String text) {
    Map<String, String> tags = new LinkedHashMap<>();
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf(';', start);
      boolean last = end < 0;
      if (last) {
        end = text.length();
      }
      int from = skipWs(text, start, end);
      if (from == end) {
        if (last && start > 0) {
          break; // the optional trailing ";" (and whitespace after it)
        }
        return new Result(null, "an empty tag", start + 1);
      }
      int nameEnd = from;
      if (!isAlpha(text.charAt(nameEnd))) {
        return new Result(null, describe(text.charAt(from)) + " where a tag name should start",
            from + 1);
      }
      while (nameEnd < end && (isAlpha(text.charAt(nameEnd)) || isDigit(text.charAt(nameEnd))
          || text.charAt(nameEnd) == '_')) {
        nameEnd++;
      }
      int eq = skipWs(text, nameEnd, end);
      if (eq >= end || text.charAt(eq) != '=') {
        String name = text.substring(from, nameEnd);
        return new Result(null, eq >= end ? "no '=' after the tag \"" + name + "\""
            : describe(text.charAt(eq)) + " after the tag name \"" + name + "\"", eq + 1);
      }
      int valueStart = skipWs(text, eq + 1, end);
      int valueEnd = end;
      while (valueEnd > valueStart && isWs(text.charAt(valueEnd - 1))) {
        valueEnd--;
      }
      for (int i = valueStart; i < valueEnd; i++) {
        char c = text.charAt(i);
        if (!isWs(c) && (c < 0x21 || c > 0x7e)) {
          return new Result(null, describe(c) + " in the value", i + 1);
        }
      }
      String name = text.substring(from, nameEnd);
      if (tags.putIfAbsent(name, text.substring(valueStart, valueEnd)) != null) {
        return new Result(null, "the tag \"" + name + "\" appears twice", from + 1);
      }
      if (last) {
        break;
      }
      start = end + 1;
    }
    return new Result(tags, null, 0);
  }

  private static int skipWs(String text, int i, int end) {
    while (i < end && isWs(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** WSP and the CR LF of FWS (RFC 5234, RFC 6376 §2.8). */
  static boolean isWs(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static String describe(char c) {
    return c >= 0x21 && c <= 0x7e ? "the character '" + c + "'"
        : String.format("the character U+%04X", (int) c);
  }
}
