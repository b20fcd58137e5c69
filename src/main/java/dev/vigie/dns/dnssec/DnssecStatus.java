package dev.vigie.dns.dnssec;

/** Where a domain stands with DNSSEC (RFC 4033). */
public enum DnssecStatus {
  /** Signed, delegated with DS, and the answers validated (AD). */
  VALIDATED,
  /** DNSKEY and DS published, but the answers did not validate here (no validator, or broken). */
  SIGNED_NOT_VALIDATED,
  /** DNSKEY published but no DS at the parent: the chain of trust is not connected. */
  SIGNED_NO_DS,
  UNSIGNED,
  /** DNS did not answer in time; nothing can be said. */
  UNKNOWN
}
