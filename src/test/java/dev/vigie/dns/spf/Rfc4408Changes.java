package dev.vigie.dns.spf;

import java.util.Map;

/**
 * RFC 4408 suite cases where RFC 7208 changed the answer. None needs skipping: for each the 4408
 * suite also accepts the RFC 7208 result, which the evaluator returns instead of the 4408
 * preferred one. The driver fails on a non-preferred result for any case not listed here.
 */
final class Rfc4408Changes {
  private static final String NO_TYPE_99 = "RFC 7208 §3.1/§14.1 retired the SPF (type 99) RR;"
      + " only TXT is queried";
  private static final String UNDEFINED_NAME = "RFC 7208 leaves a target no DNS query can be"
      + " built from undefined; like 4.3/1 it is treated as non-existent, no match (the"
      + " rfc7208 suite's preferred result)";

  static final Map<String, String> REASONS = Map.of(
      "Record lookup / spfonly", NO_TYPE_99 + ", so a domain with only type 99 has none",
      "Record lookup / txttimeout", NO_TYPE_99 + ", so a TXT timeout is a temperror (§4.4)",
      "Selecting records / spfoverride", NO_TYPE_99 + ", so the TXT record decides",
      "Selecting records / multitxt1", NO_TYPE_99 + "; two v=spf1 TXT records are a permerror"
          + " (§4.5)",
      "Selecting records / multispf2", NO_TYPE_99 + "; the single TXT record decides",
      "Record evaluation / invalid-domain-empty-label", UNDEFINED_NAME,
      "Record evaluation / invalid-domain-long", UNDEFINED_NAME,
      "Record evaluation / invalid-domain-long-via-macro", UNDEFINED_NAME,
      "EXISTS mechanism syntax / exists-dnserr", "RFC 7208 §5: a DNS error other than NXDOMAIN"
          + " in a mechanism is a temperror (rfc7208 / exists-dnserr)",
      "Processing limits / mx-limit", "RFC 7208 §4.6.4 made more than 10 MX records a"
          + " permerror (rfc7208 / mx-limit)");

  private Rfc4408Changes() {}
}
