package dev.vigie.report.aggregate;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Validates an IP address literal without ever touching DNS. */
final class IpLiteral {
  private IpLiteral() {}

  /** The address in canonical text form, or null when it is not an IPv4 or IPv6 literal. */
  static @Nullable String normalize(String text) {
    String t = text.strip();
    if (isIpv4(t)) {
      return t;
    }
    if (t.indexOf(':') < 0 || t.length() > 45) {
      return null;
    }
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
        return null;
      }
    }
    try {
      // A literal containing ':' is parsed, never resolved.
      InetAddress a = InetAddress.getByName(t);
      return a instanceof Inet6Address ? t.toLowerCase(Locale.ROOT) : a.getHostAddress();
    } catch (UnknownHostException e) {
      return null;
    }
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
}
