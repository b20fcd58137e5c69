package dev.vigie.dns.mtasts;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Lexical helpers shared by the TXT-record and policy-file parsers (RFC 8461 §3.1, §3.2). */
final class Fields {

  private Fields() {}

  /** RFC 8461 §3.1 sts-ext-name: {@code (ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".")}. */
  static boolean isExtName(String key) {
    if (key.isEmpty() || key.length() > 32 || !isAlnum(key.charAt(0))) {
      return false;
    }
    for (int i = 1; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!(isAlnum(c) || c == '_' || c == '-' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  /** Null when {@code key=value} is a well-formed TXT field, else the problem as a phrase. */
  static @Nullable String tagProblem(String key, String value) {
    if (!isExtName(key)) {
      return "\"" + abbreviate(key) + "\" is not a valid field name";
    }
    if (value.isEmpty()) {
      return "the field " + key + " has no value";
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      // sts-ext-value = 1*(%x21-3A / %x3C / %x3E-7E): no space, '=' or ';'.
      if (c < 0x21 || c > 0x7e || c == '=') {
        return "the value of " + key + " contains " + describe(c);
      }
    }
    return null;
  }

  static String stripWsp(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && isWsp(s.charAt(from))) {
      from++;
    }
    while (to > from && isWsp(s.charAt(to - 1))) {
      to--;
    }
    return s.substring(from, to);
  }

  static boolean isWsp(char c) {
    return c == ' ' || c == '\t';
  }

  private static boolean isAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  static String describe(char c) {
    return c >= 0x21 && c <= 0x7e ? "the character '" + c + "'"
        : String.format(Locale.ROOT, "the character U+%04X", (int) c);
  }

  static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 117) + "...";
  }
}
