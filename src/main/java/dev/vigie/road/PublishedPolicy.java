package dev.vigie.road;

import dev.vigie.dns.dmarc.DmarcMode;
import dev.vigie.dns.dmarc.DmarcParser;
import dev.vigie.dns.dmarc.DmarcRecord;
import dev.vigie.dns.dmarc.Policy;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The DMARC policy a domain publishes, as best known: its record in DNS when Vigie has looked it
 * up, else the {@code policy_published} of its latest aggregate report (which carries p and sp;
 * the store does not keep pct or t from reports).
 *
 * @param source where it was read
 * @param policy p; null when no record is known
 * @param subdomainPolicy sp as written; null when absent
 * @param percent RFC 7489 pct when written (DMARCbis removed it)
 * @param testing DMARCbis {@code t=y}
 * @param recordText the record as published in DNS; null when it comes from reports
 */
public record PublishedPolicy(
    Source source,
    @Nullable Policy policy,
    @Nullable Policy subdomainPolicy,
    @Nullable Integer percent,
    boolean testing,
    @Nullable String recordText) {

  /** Where a policy was read. */
  public enum Source {
    DNS,
    REPORTS,
    UNKNOWN
  }

  public static PublishedPolicy unknown() {
    return new PublishedPolicy(Source.UNKNOWN, null, null, null, false, null);
  }

  /**
   * A record as found at {@code _dmarc.<domain>}. It is read as RFC 7489 so that a pct still
   * published is seen (RFC 9989 ignores it; receivers of both kinds exist today). An invalid record
   * (no {@code v=DMARC1} first) is no record, as receivers treat it.
   */
  public static PublishedPolicy fromDns(String text) {
    DmarcRecord r = new DmarcParser(DmarcMode.RFC7489).parse(text).record();
    if (r == null) {
      return unknown();
    }
    boolean testing = r.tag("t").map(v -> v.strip().equalsIgnoreCase("y")).orElse(false);
    return new PublishedPolicy(Source.DNS, r.effectivePolicy(), r.subdomainPolicy(), r.percent(),
        testing, text);
  }

  /** From a report's policy_published p and sp (null or unreadable p: unknown). */
  public static PublishedPolicy fromReport(@Nullable String p, @Nullable String sp) {
    Optional<Policy> policy = parse(p);
    if (policy.isEmpty()) {
      return unknown();
    }
    return new PublishedPolicy(Source.REPORTS, policy.get(), parse(sp).orElse(null), null, false,
        null);
  }

  private static Optional<Policy> parse(@Nullable String v) {
    if (v == null) {
      return Optional.empty();
    }
    return switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "none" -> Optional.of(Policy.NONE);
      case "quarantine" -> Optional.of(Policy.QUARANTINE);
      case "reject" -> Optional.of(Policy.REJECT);
      default -> Optional.empty();
    };
  }

  /** Enforcement applies to only part of the failing mail: pct below 100, or t=y. */
  public boolean partial() {
    return policy != null && policy != Policy.NONE
        && (testing || (percent != null && percent < 100));
  }

  public Stage stage() {
    if (policy == null) {
      return Stage.NONE;
    }
    return switch (policy) {
      case NONE -> Stage.MONITORING;
      case QUARANTINE -> Stage.QUARANTINE;
      // RFC 7489 §6.6.4: the mail pct does not select gets the next weaker policy, quarantine;
      // RFC 9989 t=y likewise asks receivers to act one step weaker.
      case REJECT -> partial() ? Stage.QUARANTINE : Stage.REJECT;
    };
  }
}
