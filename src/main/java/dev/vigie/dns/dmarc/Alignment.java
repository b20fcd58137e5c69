package dev.vigie.dns.dmarc;

import dev.vigie.dns.psl.DomainNames;
import dev.vigie.dns.psl.OrganizationalDomains;
import java.util.Optional;

/**
 * Identifier alignment (RFC 9989 §3.2.10; RFC 7489 §3.1.1, §3.1.2). Names are compared
 * case-insensitively (RFC 4343) and without a trailing dot.
 */
public final class Alignment {

  private Alignment() {}

  /**
   * Strict: the two names are identical. Relaxed: both have an organisational domain and it is
   * the same one. A name that is itself a public suffix (such as {@code com}) has none, so it never
   * aligns in relaxed mode (RFC 9989 DKIM-Authenticated Identifiers, "d=com").
   */
  public static boolean aligned(
      String authenticatedDomain, String fromDomain, AlignmentMode mode,
      OrganizationalDomains orgs) {
    String authenticated = DomainNames.normalise(authenticatedDomain);
    String from = DomainNames.normalise(fromDomain);
    if (authenticated == null || from == null) {
      return false;
    }
    if (mode == AlignmentMode.STRICT) {
      return authenticated.equals(from);
    }
    Optional<String> authenticatedOrg = orgs.organizationalDomain(authenticated);
    return authenticatedOrg.isPresent()
        && authenticatedOrg.equals(orgs.organizationalDomain(from));
  }
}
