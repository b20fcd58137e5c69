package dev.vigie.report.aggregate;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Validates IP address literals by their text alone (RFC 4291 §2.2 for IPv6), so that the parsing
 * core never depends on {@code java.net} and can never trigger a DNS lookup.
 */
final class IpLiteral {
  private IpLiteral() {}

  /** The address as lower-case text, or null when it is not an IPv4 or IPv6 literal. */
  static @Nullable String normalize(String text) {
    String t = text.strip();
    if (isIpv4(t)) {
      return t;
    }
    return isIpv6(t) ? t.toLowerCase(Locale.ROOT) : null;
  }

  static boolean isIpv4(String t) {
    int parts = 0;
    int i = 0;
    int n = t.length();
    while (i < n) {
      int start = i;
      int v = 0;
      while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
        v = v * 10 + (t.charAt(i) - '0');
        if (i - start > 2) {
          return false;
        }
        i++;
      }
      if (i == start || v > 255) {
        return false;
      }
      parts++;
      if (i < n) {
        if (t.charAt(i) != '.' || parts == 4) {
          return false;
        }
        i++;
        if (i == n) {
          return false;
        }
      }
    }
    return parts == 4;
  }

  /** Eight 16-bit hex groups, "::" once for a run of zero groups, an IPv4 tail allowed. */
  static boolean isIpv6(String t) {
    if (t.length() < 2 || t.length() > 45 || t.indexOf(':') < 0) {
      return false;
    }
    int gap = t.indexOf("::");
    if (gap >= 0 && t.indexOf("::", gap + 1) >= 0) {
      return false;
    }
    String head = gap >= 0 ? t.substring(0, gap) : t;
    String tail = gap >= 0 ? t.substring(gap + 2) : "";
    int groups = 0;
    for (String side : new String[] {head, tail}) {
      if (side.isEmpty()) {
        continue;
      }
      String[] parts = side.split(":", -1);
      for (int i = 0; i < parts.length; i++) {
        String p = parts[i];
        boolean last = i == parts.length - 1 && (side == tail || gap < 0);
        if (last && p.indexOf('.') >= 0) {
          if (!isIpv4(p)) {
            return false;
          }
          groups += 2;
        } else if (isHexGroup(p)) {
          groups++;
        } else {
          return false;
        }
      }
    }
    return gap >= 0 ? groups < 8 : groups == 8;
  }

  private static boolean isHexGroup(String p) {
    if (p.isEmpty() || p.length() > 4) {
      return false;
    }
    for (int i = 0; i < p.length(); i++) {
      if (Character.digit(p.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
