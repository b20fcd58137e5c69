package dev.vigie.report.aggregate;

import java.util.List;

/**
 * The five predefined XML entities and numeric character references (XML 1.0 §4.1, §4.6). Nothing
 * else: without a DTD no other entity can exist, so an unknown one is kept as written.
 */
final class Entities {
  private Entities() {}

  static void decodeInto(StringBuilder out, String s, List<String> warnings) {
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int semi;
      if (c != '&' || (semi = s.indexOf(';', i)) < 0 || semi - i > 12) {
        out.append(c);
        i++;
        continue;
      }
      String ref = s.substring(i + 1, semi);
      int cp = resolve(ref);
      if (cp < 0) {
        warnings.add("kept the unknown entity &" + ref + "; as written");
        out.append(s, i, semi + 1);
      } else {
        out.appendCodePoint(cp);
      }
      i = semi + 1;
    }
  }

  private static int resolve(String ref) {
    switch (ref) {
      case "lt":
        return '<';
      case "gt":
        return '>';
      case "amp":
        return '&';
      case "quot":
        return '"';
      case "apos":
        return '\'';
      default:
        break;
    }
    try {
      int cp;
      if (ref.startsWith("#x") || ref.startsWith("#X")) {
        cp = Integer.parseInt(ref.substring(2), 16);
      } else if (ref.startsWith("#")) {
        cp = Integer.parseInt(ref.substring(1));
      } else {
        return -1;
      }
      return Character.isValidCodePoint(cp) && cp != 0 ? cp : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
