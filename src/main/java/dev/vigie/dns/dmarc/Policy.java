package dev.vigie.dns.dmarc;

import java.util.Locale;
import java.util.Optional;

/** A Domain Owner Assessment Policy, the value of p, sp and np (RFC 9989 dmarc-request). */
public enum Policy {
  NONE,
  QUARANTINE,
  REJECT;

  /** ABNF literals are case-insensitive (RFC 5234 §2.3), so "Reject" is reject. */
  static Optional<Policy> parse(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "none" -> Optional.of(NONE);
      case "quarantine" -> Optional.of(QUARANTINE);
      case "reject" -> Optional.of(REJECT);
      default -> Optional.empty();
    };
  }

  public String tagValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
