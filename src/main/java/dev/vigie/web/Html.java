package dev.vigie.web;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Builds HTML with escaping by default: text and attribute values are always escaped; tag and
 * attribute names must be plain identifiers written in code; URL attributes accept only relative,
 * http(s) and mailto URLs. The only way to add unescaped markup is {@link #svg(Svg)}, whose
 * content is built by {@link Svg} from numbers and escaped text.
 */
public final class Html {
  private static final Pattern SAFE_URL = Pattern.compile(
      "(?i)(/|\\?|#|https?://|mailto:|otpauth://)[^\\s]*|[a-z0-9._-]+(/[^\\s]*)?");

  private final StringBuilder b = new StringBuilder(32_768);

  public Html open(String tag, String... attrs) {
    name(tag);
    b.append('<').append(tag);
    attrs(tag, attrs);
    b.append('>');
    return this;
  }

  /** An element with no content ({@code input}, {@code meta}, {@code link}, {@code br}). */
  public Html empty(String tag, String... attrs) {
    return open(tag, attrs);
  }

  public Html close(String tag) {
    name(tag);
    b.append("</").append(tag).append('>');
    return this;
  }

  /** {@code <tag attrs>text</tag>}. */
  public Html el(String tag, @Nullable Object text, String... attrs) {
    return open(tag, attrs).text(text).close(tag);
  }

  public Html text(@Nullable Object text) {
    if (text != null) {
      escape(b, text.toString());
    }
    return this;
  }

  public Html svg(Svg svg) {
    b.append(svg.markup());
    return this;
  }

  /** The document so far; {@code <!doctype html>} is added by the layout. */
  @Override
  public String toString() {
    return b.toString();
  }

  private void attrs(String tag, String[] attrs) {
    if (attrs.length % 2 != 0) {
      throw new IllegalArgumentException(tag + ": attributes come in name/value pairs");
    }
    for (int i = 0; i < attrs.length; i += 2) {
      String n = attrs[i];
      String v = attrs[i + 1];
      name(n);
      if (v == null) {
        continue; // an absent optional attribute
      }
      if (n.equals("href") || n.equals("action") || n.equals("src") || n.equals("formaction")) {
        if (!localPath(v) && !SAFE_URL.matcher(v).matches()) {
          v = "#";
        }
      }
      if (n.startsWith("on") || n.equals("style")) {
        throw new IllegalArgumentException(n + ": no inline script or style (CSP)");
      }
      b.append(' ').append(n).append("=\"");
      escape(b, v);
      b.append('"');
    }
  }

  /** A path on this site ("/x", not "//host"), without spaces: what SAFE_URL accepts, quicker. */
  private static boolean localPath(String v) {
    if (v.length() < 1 || v.charAt(0) != '/' || (v.length() > 1 && v.charAt(1) == '/')) {
      return false;
    }
    for (int i = 1; i < v.length(); i++) {
      if (Character.isWhitespace(v.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** [a-z][a-z0-9-]*, checked by hand: it runs for every tag and attribute of every page. */
  private static void name(String n) {
    boolean ok = !n.isEmpty() && n.charAt(0) >= 'a' && n.charAt(0) <= 'z';
    for (int i = 1; ok && i < n.length(); i++) {
      char c = n.charAt(i);
      ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    }
    if (!ok) {
      throw new IllegalArgumentException("not a tag or attribute name: " + n);
    }
  }

  public static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    escape(out, s);
    return out.toString();
  }

  static void escape(StringBuilder out, String s) {
    int first = 0;
    while (first < s.length() && !special(s.charAt(first))) {
      first++;
    }
    out.append(s, 0, first); // most texts have nothing to escape: one copy
    for (int i = first; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
  }

  private static boolean special(char c) {
    return c == '<' || c == '>' || c == '&' || c == '"' || c == '\'';
  }
}
