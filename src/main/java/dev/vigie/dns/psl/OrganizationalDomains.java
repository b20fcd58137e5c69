package dev.vigie.dns.psl;

import java.util.Optional;

/**
 * Maps a domain to its organisational domain. DMARC identifier alignment (RFC 9989 Identifier
 * Alignment Explained, RFC 7489 §3.1) is defined in terms of this function; the Public Suffix
 * List ({@link PublicSuffixes}) and the RFC 9989 DNS tree walk are the two implementations.
 */
@FunctionalInterface
public interface OrganizationalDomains {

  /**
   * The organisational domain of {@code domain}, lower-case and without a trailing dot; empty when
   * the name has none (it is itself a public suffix, or is not a usable domain name).
   */
  Optional<String> organizationalDomain(String domain);
}
