package dev.vigie.dns.spf;

import org.jspecify.annotations.Nullable;

/**
 * One parsed mechanism (RFC 7208 §5).
 *
 * @param domain the domain-spec; null when the mechanism has none (then &lt;domain&gt; is used)
 * @param network the ip4/ip6 network; null for other kinds
 * @param cidr4 the IPv4 prefix length (32 when not written)
 * @param cidr6 the IPv6 prefix length (128 when not written)
 * @param text the term as written, for reports
 */
record Mechanism(
    Qualifier qualifier,
    Kind kind,
    @Nullable MacroString domain,
    @Nullable IpAddress network,
    int cidr4,
    int cidr6,
    String text) {

  /** The mechanism names. */
  enum Kind {
    ALL, INCLUDE, A, MX, PTR, IP4, IP6, EXISTS;

    /** Terms that cost one of the 10 DNS lookups when evaluated (§4.6.4). */
    boolean countsAsLookup() {
      return this == INCLUDE || this == A || this == MX || this == PTR || this == EXISTS;
    }
  }

  /** The domain-spec as written, or null. */
  @Nullable String domainSpec() {
    return domain == null ? null : domain.text();
  }
}
