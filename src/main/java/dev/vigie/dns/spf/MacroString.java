package dev.vigie.dns.spf;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed, validated macro-string (RFC 7208 §7.1): literal text and macro-expands.
 *
 * @param text the source text
 * @param parts literals (with "%%", "%_" and "%-" already decoded) and macros in order
 */
record MacroString(String text, List<Part> parts) {
  private static final String DOMAIN_LETTERS = "slodipvh";
  private static final String EXP_ONLY_LETTERS = "crt";
  private static final String DELIMITERS = ".-+,/_=";

  sealed interface Part permits Literal, Macro {}

  record Literal(String text) implements Part {}

  /**
   * One {@code %{...}} expand.
   *
   * @param letter the macro letter, lower case
   * @param escape an upper-case letter: URL-escape the value (§7.3)
   * @param keep the number of right-hand parts to keep; 0 keeps all
   * @param reverse reverse the parts first
   * @param delimiters the characters to split on; "." when none are given
   */
  record Macro(char letter, boolean escape, int keep, boolean reverse, String delimiters)
      implements Part {}

  MacroString {
    parts = List.copyOf(parts);
  }

  boolean hasMacros() {
    return parts.stream().anyMatch(p -> p instanceof Macro);
  }

  /** A macro-string; {@code explanation} allows spaces and the c, r, t letters (§6.2, §7.1). */
  static MacroString parse(String text, boolean explanation) throws SpfSyntaxException {
    return parse(text, explanation, false);
  }

  /**
   * A domain-spec: a macro-string that ends in a macro-expand or in "." toplabel ["."] (§7.1),
   * e.g. "a:museum" and "a:111.222.33.44" are syntax errors.
   */
  static MacroString parseDomainSpec(String text) throws SpfSyntaxException {
    return parse(text, false, true);
  }

  private static MacroString parse(String text, boolean explanation, boolean domainSpec)
      throws SpfSyntaxException {
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    boolean endsInExpand = false;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c != '%') {
        boolean visible = c >= 0x21 && c <= 0x7e;
        if (!visible && !(explanation && c == ' ')) {
          throw new SpfSyntaxException(
              "character " + describe(c) + " is not allowed in \"" + printable(text) + "\"");
        }
        literal.append(c);
        endsInExpand = false;
        i++;
        continue;
      }
      if (i + 1 >= n) {
        throw new SpfSyntaxException("'%' at the end of \"" + text + "\" (§7.1)");
      }
      char next = text.charAt(i + 1);
      switch (next) {
        case '%' -> literal.append('%');
        case '_' -> literal.append(' ');
        case '-' -> literal.append("%20");
        case '{' -> {
          int close = text.indexOf('}', i + 2);
          if (close < 0) {
            throw new SpfSyntaxException("unterminated macro in \"" + text + "\"");
          }
          if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
            literal.setLength(0);
          }
          parts.add(macro(text.substring(i + 2, close), explanation, text));
          i = close + 1;
          endsInExpand = true;
          continue;
        }
        default -> throw new SpfSyntaxException(
            "'%' must be followed by '{', '%', '_' or '-' in \"" + printable(text) + "\" (§7.1)");
      }
      endsInExpand = true;
      i += 2;
    }
    if (!literal.isEmpty()) {
      parts.add(new Literal(literal.toString()));
    }
    if (domainSpec && !endsInExpand && !endsInTopLabel(text)) {
      throw new SpfSyntaxException("\"" + printable(text)
          + "\" is not a domain-spec: it must end in a macro or in '.' and a valid top label (§7.1)");
    }
    return new MacroString(text, parts);
  }

  private static Macro macro(String body, boolean explanation, String text)
      throws SpfSyntaxException {
    if (body.isEmpty()) {
      throw new SpfSyntaxException("empty macro in \"" + text + "\"");
    }
    char raw = body.charAt(0);
    char letter = Character.toLowerCase(raw);
    boolean known = raw < 0x80 && (DOMAIN_LETTERS.indexOf(letter) >= 0
        || (explanation && EXP_ONLY_LETTERS.indexOf(letter) >= 0));
    if (!known) {
      throw new SpfSyntaxException("unknown macro letter '" + raw + "' in \"" + text + "\""
          + (EXP_ONLY_LETTERS.indexOf(letter) >= 0 ? " (c, r and t are for exp= text only)" : ""));
    }
    int i = 1;
    long keep = 0;
    int digits = 0;
    while (i < body.length() && body.charAt(i) >= '0' && body.charAt(i) <= '9') {
      keep = Math.min(keep * 10 + (body.charAt(i) - '0'), Integer.MAX_VALUE);
      digits++;
      i++;
    }
    if (digits > 0 && keep == 0) {
      throw new SpfSyntaxException("macro digit transformer must be nonzero in \"" + text + "\"");
    }
    boolean reverse = i < body.length() && (body.charAt(i) == 'r' || body.charAt(i) == 'R');
    if (reverse) {
      i++;
    }
    String delimiters = body.substring(i);
    for (int k = 0; k < delimiters.length(); k++) {
      if (DELIMITERS.indexOf(delimiters.charAt(k)) < 0) {
        throw new SpfSyntaxException("bad macro delimiter in \"" + text + "\"");
      }
    }
    return new Macro(letter, Character.isUpperCase(raw), (int) keep, reverse,
        delimiters.isEmpty() ? "." : delimiters);
  }

  /** The text ends in "." toplabel, optionally followed by one more "." (§7.1 domain-end). */
  private static boolean endsInTopLabel(String text) {
    String t = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    int dot = t.lastIndexOf('.');
    return dot >= 0 && isTopLabel(t.substring(dot + 1));
  }

  /** toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum ). */
  static boolean isTopLabel(String label) {
    if (label.isEmpty() || label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
      return false;
    }
    boolean letterOrDash = false;
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!letter && c != '-' && !(c >= '0' && c <= '9')) {
        return false;
      }
      letterOrDash |= letter || c == '-';
    }
    return letterOrDash;
  }

  private static String describe(char c) {
    return String.format("U+%04X", (int) c);
  }

  /** The text with control and non-ASCII characters shown as U+XXXX, safe to display. */
  static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    s.chars().forEach(c -> {
      if (c >= 0x20 && c < 0x7f) {
        sb.append((char) c);
      } else {
        sb.append(describe((char) c));
      }
    });
    return sb.toString();
  }
}
