package dev.vigie.enrich;

import org.jspecify.annotations.Nullable;

/**
 * What is known about one source IP; parsedmarc's {@code source} fields (ip_address, country,
 * reverse_dns, base_domain, name and type from the sender), plus whether the PTR name was
 * forward-confirmed.
 *
 * @param ip the address as the report gave it
 * @param reverseDns the PTR name, lower-case, no trailing dot; null when there is none or DNS is off
 * @param reverseDnsConfirmed the PTR name resolves back to {@code ip}
 * @param baseDomain the organisational domain of the PTR name (Public Suffix List), e.g. {@code
 *     outlook.com} for {@code mail-am6eur05on2040.outbound.protection.outlook.com}
 * @param country ISO 3166-1 alpha-2 code from the IP database
 * @param sender the known service operating this IP, named by its (trusted) PTR name; never by
 *     the ASN alone. The record-level signals (DKIM, envelope) are for {@link SourceClassifier}.
 */
public record SourceInfo(
    String ip,
    @Nullable String reverseDns,
    boolean reverseDnsConfirmed,
    @Nullable String baseDomain,
    @Nullable String country,
    @Nullable Long asn,
    @Nullable String asOrg,
    @Nullable KnownSender sender) {

  /** Nothing known but the address. */
  public static SourceInfo bare(String ip) {
    return new SourceInfo(ip, null, false, null, null, null, null, null);
  }
}
