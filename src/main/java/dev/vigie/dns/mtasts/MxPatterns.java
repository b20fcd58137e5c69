package dev.vigie.dns.mtasts;

import java.util.Locale;

/** Matching MX host names against policy mx patterns (RFC 8461 §4.1). */
final class MxPatterns {

  private MxPatterns() {}

  /**
   * RFC 8461 §4.1: a pattern is a host name, matched exactly (case-insensitively), or "*." and a
   * domain, where the wildcard stands for exactly one leftmost label: "*.example.com" matches
   * "mx1.example.com" but neither "example.com" nor "a.b.example.com".
   */
  static boolean matches(String pattern, String host) {
    String p = normalise(pattern);
    String h = normalise(host);
    if (p.isEmpty() || h.isEmpty()) {
      return false;
    }
    if (p.startsWith("*.")) {
      String suffix = p.substring(1); // ".example.com"
      if (!h.endsWith(suffix)) {
        return false;
      }
      String label = h.substring(0, h.length() - suffix.length());
      return !label.isEmpty() && label.indexOf('.') < 0;
    }
    return p.equals(h);
  }

  /** Lower-case without one trailing dot: MX targets often come with it. */
  static String normalise(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }
}
