package dev.vigie.dns.spf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Expands a {@link MacroString} (RFC 7208 §7.3). */
final class MacroExpander {
  /** The value of each macro letter (lower case) for one evaluation. */
  @FunctionalInterface
  interface Values {
    String value(char letter);
  }

  private MacroExpander() {}

  static String expand(MacroString macroString, Values values) {
    StringBuilder out = new StringBuilder();
    for (MacroString.Part part : macroString.parts()) {
      switch (part) {
        case MacroString.Literal literal -> out.append(literal.text());
        case MacroString.Macro macro -> out.append(expand(macro, values.value(macro.letter())));
      }
    }
    return out.toString();
  }

  /** Split on the delimiters, optionally reverse, keep the right-most parts, join with ".". */
  static String expand(MacroString.Macro macro, String value) {
    List<String> parts = split(value, macro.delimiters());
    if (macro.reverse()) {
      Collections.reverse(parts);
    }
    if (macro.keep() > 0 && macro.keep() < parts.size()) {
      parts = parts.subList(parts.size() - macro.keep(), parts.size());
    }
    String joined = String.join(".", parts);
    return macro.escape() ? urlEscape(joined) : joined;
  }

  private static List<String> split(String value, String delimiters) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      if (delimiters.indexOf(value.charAt(i)) >= 0) {
        parts.add(value.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(value.substring(start));
    return parts;
  }

  /** Upper-case macros: everything outside RFC 3986 "unreserved" is percent-encoded (§7.3). */
  static String urlEscape(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
      if (unreserved) {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }
}
