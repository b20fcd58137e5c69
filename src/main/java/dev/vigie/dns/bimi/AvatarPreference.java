package dev.vigie.dns.bimi;

import java.util.Optional;

/** The {@code avp} tag: whether receivers should prefer the brand logo or a personal avatar. */
public enum AvatarPreference {
  BRAND,
  PERSONAL;

  static Optional<AvatarPreference> parse(String value) {
    return switch (value) {
      case "brand" -> Optional.of(BRAND);
      case "personal" -> Optional.of(PERSONAL);
      default -> Optional.empty();
    };
  }
}
