package dev.vigie.dns.spf;

import java.util.Map;

/**
 * blitiri cases that disagree with the RFC 7208 suite, which wins. Each reason names the RFC 7208
 * case that decides. {@code BlitiriAdaptedTest} runs the same scenarios with multi-label names, so
 * the behaviour they probe (lookup and MX counting, NXDOMAIN handling) is still checked.
 *
 * <p>Not skipped but worth knowing: "resolution-with-11-lookups" expects permerror and gets it,
 * though here through the same single-label syntax error; the adapted test checks the limit
 * itself. "exists-perm-error" relies on the driver reading blitiri's {@code SERVFAIL: true} as a
 * SERVFAIL answer (pyspf's driver would see a name without records and return softfail).
 */
final class BlitiriSkips {
  private static final String SINGLE_LABEL_DOMAIN = "the sender domain is a single label; RFC 7208"
      + " §4.3 returns \"none\" for a domain that is not multi-label, without any lookup (rfc7208"
      + " / Initial processing / helo-not-fqdn)";
  private static final String SINGLE_LABEL_TARGET = "the target names (\"d11\", \"domain\") are"
      + " single labels, which §7.1's domain-spec grammar rejects: domain-end needs \".\""
      + " toplabel, so the record is a permerror (rfc7208 / A mechanism syntax /"
      + " a-only-toplabel)";

  static final Map<String, String> REASONS = Map.of(
      "Resolution limits / resolution-with-10-lookups", SINGLE_LABEL_TARGET,
      "MX resolution limits / mx-resolution-10-terms", SINGLE_LABEL_DOMAIN
          + "; also " + SINGLE_LABEL_TARGET,
      "MX resolution limits / mx-resolution-11-terms", SINGLE_LABEL_DOMAIN,
      "NXDOMAIN tests / one-mx-not-found", SINGLE_LABEL_DOMAIN,
      "NXDOMAIN tests / all-mx-not-found", SINGLE_LABEL_DOMAIN,
      "NXDOMAIN tests / include-not-found", SINGLE_LABEL_DOMAIN,
      "NXDOMAIN tests / redirect-not-found", SINGLE_LABEL_DOMAIN);

  private BlitiriSkips() {}
}
