/**
 * DKIM key records (RFC 6376 §3.6.1): parsing, key type and strength (RFC 8301, RFC 8463), and a
 * checker that looks up {@code <selector>._domainkey.<domain>} for given and common selectors
 * through {@link dev.vigie.dns.DnsClient}. Parsing is pure.
 */
@NullMarked
package dev.vigie.dns.dkim;

import org.jspecify.annotations.NullMarked;
