package dev.vigie.ingest.smtp;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which RCPT TO addresses are report addresses. Everything else is refused with a permanent 550:
 * the receiver never relays, and never answers 4xx for a recipient, which would only make the
 * sender retry for days (RFC 5321 §4.2.5).
 */
final class RecipientPolicy {
  private final Set<String> addresses = new HashSet<>();
  private final Set<String> domains = new HashSet<>();

  RecipientPolicy(List<String> accepted) {
    for (String entry : accepted) {
      String e = entry.toLowerCase(Locale.ROOT);
      if (e.startsWith("@")) {
        domains.add(e.substring(1));
      } else {
        addresses.add(e);
      }
    }
  }

  /** @param address a forward-path without angle brackets or source route */
  boolean accepts(String address) {
    String a = address.toLowerCase(Locale.ROOT);
    int at = a.lastIndexOf('@');
    return addresses.contains(a) || (at > 0 && domains.contains(a.substring(at + 1)));
  }

  /** Checks one configured entry: {@code local@domain} or {@code @domain}, no spaces. */
  static void validate(String entry) {
    int at = entry.lastIndexOf('@');
    boolean ok = at >= 0 && at < entry.length() - 1 && entry.indexOf('@') == at
        && entry.chars().allMatch(c -> c > ' ' && c < 127 && c != '<' && c != '>');
    if (!ok) {
      throw new IllegalArgumentException(
          "accepted recipient must be local@domain or @domain: " + entry);
    }
  }
}
