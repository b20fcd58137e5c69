package dev.vigie.dns.bimi;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What the BIMI check needs to know from the DMARC check (BIMI draft, "DMARC policy"
 * requirements). Kept as plain strings so BIMI does not depend on the DMARC package's types.
 *
 * @param policy p as published, e.g. "reject"; null when the domain has no DMARC record
 * @param subdomainPolicy sp; null when absent
 * @param percent pct; null when absent
 */
public record DmarcInputs(
    @Nullable String policy, @Nullable String subdomainPolicy, @Nullable Integer percent) {

  public DmarcInputs {
    policy = policy == null ? null : policy.strip().toLowerCase(Locale.ROOT);
    subdomainPolicy = subdomainPolicy == null ? null
        : subdomainPolicy.strip().toLowerCase(Locale.ROOT);
  }

  /** The domain has no DMARC record. */
  public static DmarcInputs missing() {
    return new DmarcInputs(null, null, null);
  }

  public static DmarcInputs of(String policy) {
    return new DmarcInputs(policy, null, null);
  }
}
