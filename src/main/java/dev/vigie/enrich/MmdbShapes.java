package dev.vigie.enrich;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads country and AS fields from the record shapes of the free databases users have:
 * <ul>
 *   <li>GeoLite2/GeoIP2 Country and City, DB-IP Lite: {@code country.iso_code}, falling back to
 *       {@code registered_country.iso_code};
 *   <li>GeoLite2-ASN: {@code autonomous_system_number}, {@code autonomous_system_organization};
 *   <li>IPinfo Lite: {@code country_code}, {@code asn} as "AS15169", {@code as_name};
 *   <li>IPinfo country_asn (older free file): {@code country} as a two-letter code.
 * </ul>
 */
final class MmdbShapes {
  private MmdbShapes() {}

  static NetworkInfo read(Map<?, ?> record) {
    return new NetworkInfo(country(record), asn(record), asOrg(record));
  }

  private static @Nullable String country(Map<?, ?> r) {
    String code = isoCode(r.get("country_code"));
    if (code == null) {
      code = r.get("country") instanceof Map<?, ?> m ? isoCode(m.get("iso_code")) : isoCode(r.get("country"));
    }
    if (code == null && r.get("registered_country") instanceof Map<?, ?> m) {
      code = isoCode(m.get("iso_code"));
    }
    return code;
  }

  private static @Nullable String isoCode(@Nullable Object v) {
    if (v instanceof String s && s.length() == 2 && Character.isLetter(s.charAt(0))
        && Character.isLetter(s.charAt(1))) {
      return s.toUpperCase(Locale.ROOT);
    }
    return null;
  }

  private static @Nullable Long asn(Map<?, ?> r) {
    Object v = r.get("autonomous_system_number");
    if (v == null) {
      v = r.get("asn");
    }
    if (v instanceof Number n) {
      return n.longValue() > 0 ? n.longValue() : null;
    }
    if (v instanceof String s) {
      String digits = s.regionMatches(true, 0, "AS", 0, 2) ? s.substring(2) : s;
      try {
        long n = Long.parseLong(digits.strip());
        return n > 0 ? n : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static @Nullable String asOrg(Map<?, ?> r) {
    for (String key : new String[] {"autonomous_system_organization", "as_name"}) {
      if (r.get(key) instanceof String s && !s.isBlank()) {
        return s.strip();
      }
    }
    return null;
  }
}
