package dev.vigie.dns.dmarc;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Splits a DMARC record into tags following RFC 9989 Formal Definition: {@code dmarc-sep = *WSP
 * ";" *WSP}, {@code dmarc-tag = 1*ALPHA equals 1*dmarc-value}, {@code dmarc-value = %x20-3A /
 * %x3C-7E}. Pure and linear in the record's length.
 */
final class TagListScanner {

  /** A tag-value pair, or the syntax error found where one was expected. */
  record Item(@Nullable DmarcTag tag, @Nullable String error, int position) {}

  private TagListScanner() {}

  static List<Item> scan(String text) {
    List<Item> items = new ArrayList<>();
    int start = 0;
    int length = text.length();
    while (start <= length) {
      int end = text.indexOf(';', start);
      if (end < 0) {
        end = length;
      }
      boolean last = end == length;
      Item item = scanOne(text, start, end, last);
      if (item != null) {
        items.add(item);
      }
      start = end + 1;
    }
    return items;
  }

  private static @Nullable Item scanOne(String text, int start, int end, boolean last) {
    int from = skipWsp(text, start, end);
    int to = end;
    while (to > from && isWsp(text.charAt(to - 1))) {
      to--;
    }
    if (from == to) {
      // An empty segment is fine only as the optional trailing separator.
      return last ? null : new Item(null, "an empty tag (two separators in a row)", start + 1);
    }
    int nameEnd = from;
    while (nameEnd < to && isAlpha(text.charAt(nameEnd))) {
      nameEnd++;
    }
    if (nameEnd == from) {
      return new Item(null, describe(text.charAt(from)) + " where a tag name should start",
          from + 1);
    }
    int eq = skipWsp(text, nameEnd, to);
    if (eq >= to || text.charAt(eq) != '=') {
      String what = eq >= to ? "no '=' after the tag name" : describe(text.charAt(eq))
          + " in the tag name";
      return new Item(null, what, (eq >= to ? nameEnd : eq) + 1);
    }
    int valueStart = skipWsp(text, eq + 1, to);
    if (valueStart >= to) {
      return new Item(null, "an empty value", eq + 2);
    }
    for (int i = valueStart; i < to; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return new Item(null, describe(c) + " in the value", i + 1);
      }
    }
    String name = text.substring(from, nameEnd).toLowerCase(java.util.Locale.ROOT);
    return new Item(new DmarcTag(name, text.substring(valueStart, to), from + 1), null, from + 1);
  }

  private static int skipWsp(String text, int i, int end) {
    while (i < end && isWsp(text.charAt(i))) {
      i++;
    }
    return i;
  }

  static boolean isWsp(char c) {
    return c == ' ' || c == '\t';
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static String describe(char c) {
    if (c >= 0x21 && c <= 0x7e) {
      return "the character '" + c + "'";
    }
    return String.format("the character U+%04X", (int) c);
  }
}
