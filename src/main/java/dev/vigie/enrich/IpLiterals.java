package dev.vigie.enrich;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/**
 * Turns address text into {@link InetAddress} without ever asking DNS: {@code getByName} resolves
 * anything that is not a literal, and accepts short IPv4 forms ("1.2.3") as literals, so IPv4 is
 * checked here first, strictly (four decimal octets).
 */
final class IpLiterals {
  private IpLiterals() {}

  static @Nullable InetAddress parse(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip();
    if (t.indexOf(':') < 0 && !strictIpv4(t)) {
      return null;
    }
    if (t.indexOf(':') >= 0 && !t.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
      return null;
    }
    try {
      return InetAddress.getByName(t); // a literal: parsed, never resolved
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static boolean strictIpv4(String t) {
    String[] parts = t.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)
          || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }
}
