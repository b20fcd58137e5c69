package dev.vigie.dns.mx;

import java.util.Locale;

/** The in-addr.arpa / ip6.arpa name of an address (RFC 1035 §3.5, RFC 3596 §2.5). */
public final class ReverseName {
  private ReverseName() {}

  public static String of(String ip) {
    if (ip.indexOf(':') < 0) {
      String[] o = ip.split("\\.");
      return o[3] + "." + o[2] + "." + o[1] + "." + o[0] + ".in-addr.arpa";
    }
    String hex = expand(ip);
    StringBuilder b = new StringBuilder(72);
    for (int i = hex.length() - 1; i >= 0; i--) {
      b.append(hex.charAt(i)).append('.');
    }
    return b.append("ip6.arpa").toString();
  }

  /** Two textual addresses name the same address (IPv6 forms differ in zero compression). */
  static boolean sameAddress(String a, String b) {
    if (a.indexOf(':') < 0 || b.indexOf(':') < 0) {
      return a.equals(b);
    }
    return expand(a).equals(expand(b));
  }

  /** 32 hex digits, no colons. */
  static String expand(String ip6) {
    String s = ip6.toLowerCase(Locale.ROOT);
    String[] halves = s.split("::", -1);
    String[] head = halves[0].isEmpty() ? new String[0] : halves[0].split(":");
    String[] tail = halves.length > 1 && !halves[1].isEmpty() ? halves[1].split(":") : new String[0];
    StringBuilder b = new StringBuilder(32);
    for (String g : head) {
      b.append("0".repeat(4 - g.length())).append(g);
    }
    for (int i = head.length + tail.length; i < 8; i++) {
      b.append("0000");
    }
    for (String g : tail) {
      b.append("0".repeat(4 - g.length())).append(g);
    }
    return b.toString();
  }
}
