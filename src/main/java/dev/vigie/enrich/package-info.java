/**
 * Enrichment of report sources, outside the pure parser: reverse DNS, organisational domain,
 * country and ASN from a MaxMind-format database the user provides, the catalogue of known
 * sending services, and the classification of each aggregate record (authorised and passing,
 * authorised but failing, forwarded, unknown or impostor). Everything that asks the network
 * goes through {@link dev.vigie.dns.DnsClient}, is cached, bounded, and can be switched off.
 */
@NullMarked
package dev.vigie.enrich;

import org.jspecify.annotations.NullMarked;
