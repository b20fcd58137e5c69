package dev.vigie.enrich;

import org.jspecify.annotations.Nullable;

/**
 * What an IP database says about an address.
 *
 * @param country ISO 3166-1 alpha-2 code, upper-case, e.g. {@code FR}
 * @param asn autonomous system number, e.g. 15169
 * @param asOrg the AS holder's name, e.g. "Google LLC"
 */
public record NetworkInfo(@Nullable String country, @Nullable Long asn, @Nullable String asOrg) {
  public static final NetworkInfo EMPTY = new NetworkInfo(null, null, null);

  /** Fills what this one lacks from {@code other} (several files: GeoLite2 Country + ASN). */
  public NetworkInfo orElse(NetworkInfo other) {
    return new NetworkInfo(country != null ? country : other.country,
        asn != null ? asn : other.asn, asOrg != null ? asOrg : other.asOrg);
  }

  public boolean isComplete() {
    return country != null && asn != null && asOrg != null;
  }
}
