/**
 * DMARC posture: the policy record's syntax and values (RFC 9989, with an RFC 7489 compatibility
 * mode), where receivers find it (the RFC 9989 §4.10 DNS tree walk, or the RFC 7489 §6.6.3
 * organisational-domain fallback), report destinations and their external authorisation, and
 * identifier alignment. DNS is reached only through {@link dev.vigie.dns.DnsClient}; parsing and
 * review are pure.
 */
@NullMarked
package dev.vigie.dns.dmarc;

import org.jspecify.annotations.NullMarked;
