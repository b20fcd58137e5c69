package dev.vigie.dns.mtasts;

import java.util.Optional;

/** The {@code mode} of an MTA-STS policy (RFC 8461 §3.2, §5). */
public enum PolicyMode {
  /** Senders must not deliver to MX hosts that fail validation. */
  ENFORCE,
  /** Senders deliver anyway but report failures (RFC 8460). */
  TESTING,
  /** The policy is withdrawn. */
  NONE;

  /** The ABNF literals are case-sensitive ({@code %s"enforce"}, RFC 8461 §3.2). */
  static Optional<PolicyMode> parse(String value) {
    return switch (value) {
      case "enforce" -> Optional.of(ENFORCE);
      case "testing" -> Optional.of(TESTING);
      case "none" -> Optional.of(NONE);
      default -> Optional.empty();
    };
  }

  public String value() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
