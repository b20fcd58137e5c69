package dev.vigie.dns.spf;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Domain-name rules SPF applies around DNS queries (RFC 7208 §4.3, §7.3). */
final class DomainNames {
  private static final int MAX_NAME = 253;
  private static final int MAX_LABEL = 63;

  private DomainNames() {}

  /**
   * The name to query after macro expansion: trailing dot dropped, left-most labels removed until
   * it fits in 253 characters (§7.3); null when no query can be composed from it (empty or
   * over-long label), which callers treat as a name that does not exist (§4.3, §4.8).
   */
  static @Nullable String forQuery(String expanded) {
    String name = stripDot(expanded);
    while (name.length() > MAX_NAME) {
      int dot = name.indexOf('.');
      if (dot < 0) {
        return null;
      }
      name = name.substring(dot + 1);
    }
    return labelsValid(name) ? name : null;
  }

  /**
   * §4.3 initial processing: a malformed domain or one that is not multi-label gives "none" without
   * any lookup. Domain literals ("[192.0.2.1]") and all-numeric top labels are not domain names.
   */
  static boolean isCheckable(String domain) {
    String name = stripDot(domain);
    if (name.length() > MAX_NAME || name.startsWith("[") || name.indexOf('.') < 0
        || !labelsValid(name)) {
      return false;
    }
    String top = name.substring(name.lastIndexOf('.') + 1);
    return !top.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  static String stripDot(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  /** Lower case, no trailing dot: the form DNS answers and comparisons use. */
  static String normalize(String name) {
    return stripDot(name).toLowerCase(Locale.ROOT);
  }

  /** {@code name} equals {@code parent} or lies under it, ignoring case (§5.5). */
  static boolean isAtOrUnder(String name, String parent) {
    String n = normalize(name);
    String p = normalize(parent);
    return n.equals(p) || n.endsWith("." + p);
  }

  private static boolean labelsValid(String name) {
    if (name.isEmpty()) {
      return false;
    }
    int start = 0;
    for (int i = 0; i <= name.length(); i++) {
      if (i == name.length() || name.charAt(i) == '.') {
        int len = i - start;
        if (len == 0 || len > MAX_LABEL) {
          return false;
        }
        start = i + 1;
      }
    }
    return true;
  }
}
