package dev.vigie.dns.spf;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 address parsed from its text alone, never through {@code java.net}, so parsing
 * can never trigger a DNS lookup. IPv4 follows the strict RFC 7208 §5.6 {@code ip4-network}
 * grammar (no leading zeros); IPv6 follows RFC 4291 §2.2.
 */
final class IpAddress {
  private final byte[] bytes;

  private IpAddress(byte[] bytes) {
    this.bytes = bytes;
  }

  /** IPv4 dotted quad or IPv6 text; null when it is neither. */
  static @Nullable IpAddress parse(String text) {
    return text.indexOf(':') >= 0 ? parseIpv6(text) : parseIpv4(text);
  }

  static @Nullable IpAddress parseIpv4(String t) {
    String[] parts = t.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] b = new byte[4];
    for (int i = 0; i < 4; i++) {
      Integer v = decimal(parts[i], 255);
      if (v == null) {
        return null;
      }
      b[i] = (byte) (int) v;
    }
    return new IpAddress(b);
  }

  /** A decimal number without leading zeros, at most {@code max}; null otherwise. */
  static @Nullable Integer decimal(String s, int max) {
    if (s.isEmpty() || s.length() > 3 || (s.length() > 1 && s.charAt(0) == '0')) {
      return null;
    }
    int v = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      v = v * 10 + (c - '0');
    }
    return v <= max ? v : null;
  }

  static @Nullable IpAddress parseIpv6(String t) {
    if (t.length() < 2 || t.length() > 45) {
      return null;
    }
    int gap = t.indexOf("::");
    if (gap >= 0 && t.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    int[] head = groups(gap >= 0 ? t.substring(0, gap) : t, gap < 0);
    int[] tail = gap >= 0 ? groups(t.substring(gap + 2), true) : new int[0];
    if (head == null || tail == null) {
      return null;
    }
    int given = head.length + tail.length;
    if (gap >= 0 ? given > 7 : given != 8) {
      return null;
    }
    int[] all = new int[8];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, 8 - tail.length, tail.length);
    byte[] b = new byte[16];
    for (int i = 0; i < 8; i++) {
      b[2 * i] = (byte) (all[i] >> 8);
      b[2 * i + 1] = (byte) all[i];
    }
    return new IpAddress(b);
  }

  /** Colon-separated 16-bit groups; the last one may be a dotted IPv4 address. */
  private static int @Nullable [] groups(String s, boolean ipv4TailAllowed) {
    if (s.isEmpty()) {
      return new int[0];
    }
    String[] parts = s.split(":", -1);
    int n = parts.length;
    boolean v4 = ipv4TailAllowed && parts[n - 1].indexOf('.') >= 0;
    int[] out = new int[v4 ? n + 1 : n];
    for (int i = 0; i < n; i++) {
      String p = parts[i];
      if (v4 && i == n - 1) {
        IpAddress a = parseIpv4(p);
        if (a == null) {
          return null;
        }
        out[i] = ((a.bytes[0] & 0xff) << 8) | (a.bytes[1] & 0xff);
        out[i + 1] = ((a.bytes[2] & 0xff) << 8) | (a.bytes[3] & 0xff);
        continue;
      }
      if (p.isEmpty() || p.length() > 4) {
        return null;
      }
      int v = 0;
      for (int k = 0; k < p.length(); k++) {
        int d = hex(p.charAt(k));
        if (d < 0) {
          return null;
        }
        v = v * 16 + d;
      }
      out[i] = v;
    }
    return out;
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  boolean isIpv4() {
    return bytes.length == 4;
  }

  /** An IPv4-mapped IPv6 address (::ffff:a.b.c.d) as the IPv4 address it is (RFC 7208 §5). */
  IpAddress unmapped() {
    if (bytes.length == 16) {
      for (int i = 0; i < 10; i++) {
        if (bytes[i] != 0) {
          return this;
        }
      }
      if (bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) {
        return new IpAddress(Arrays.copyOfRange(bytes, 12, 16));
      }
    }
    return this;
  }

  /** True when this address lies in {@code network}/{@code prefix} of the same family. */
  boolean inNetwork(IpAddress network, int prefix) {
    if (network.bytes.length != bytes.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (bytes[i] != network.bytes[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (bytes[full] & mask) == (network.bytes[full] & mask);
  }

  /** The %{c} form: dotted quad, or RFC 5952 text for IPv6 (lower case, longest zero run "::"). */
  String text() {
    if (isIpv4()) {
      return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "."
          + (bytes[3] & 0xff);
    }
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 1; // RFC 5952 §4.2.2: a single zero group is not shortened
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }

  /** The %{i} form: dotted quad, or 32 dot-separated upper-case nibbles (RFC 7208 §7.3). */
  String dotted() {
    if (isIpv4()) {
      return text();
    }
    StringBuilder sb = new StringBuilder(63);
    for (byte b : bytes) {
      sb.append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16))).append('.');
      sb.append(Character.toUpperCase(Character.forDigit(b & 0xf, 16))).append('.');
    }
    return sb.substring(0, sb.length() - 1);
  }

  /** The name to ask PTR for: {@code d.c.b.a.in-addr.arpa} or nibbles under {@code ip6.arpa}. */
  String reverseName() {
    String[] parts = dotted().split("\\.");
    StringBuilder sb = new StringBuilder();
    for (int i = parts.length - 1; i >= 0; i--) {
      sb.append(parts[i]).append('.');
    }
    return sb.append(isIpv4() ? "in-addr.arpa" : "ip6.arpa").toString();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof IpAddress other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return text();
  }
}
