package dev.vigie.report.aggregate;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One {@code <record>}: a source IP and identifiers with the number of messages that shared them.
 *
 * @param disposition what the receiver did: none, quarantine, reject (RFC 9990 also "pass")
 * @param dkimEvaluated the DMARC-aligned DKIM verdict, pass or fail
 * @param spfEvaluated the DMARC-aligned SPF verdict, pass or fail
 * @param envelopeFrom as reported, or back-filled from the last SPF result's domain
 * @param intervalBegin start of the period this record covers: the report's, or one UTC day of it
 *     when the report spanned more than a day and counts were split per day
 * @param normalizedTimespan true when the count is this day's share of a longer report
 */
public record AggregateRecord(
    String sourceIp,
    long count,
    String disposition,
    String dkimEvaluated,
    String spfEvaluated,
    List<PolicyOverride> overrides,
    String headerFrom,
    @Nullable String envelopeFrom,
    @Nullable String envelopeTo,
    List<DkimResult> dkim,
    List<SpfResult> spf,
    Instant intervalBegin,
    Instant intervalEnd,
    boolean normalizedTimespan) {

  public boolean spfAligned() {
    return "pass".equals(spfEvaluated);
  }

  public boolean dkimAligned() {
    return "pass".equals(dkimEvaluated);
  }

  /** DMARC passes when either aligned identifier passes (RFC 7489 §4.2). */
  public boolean dmarcPass() {
    return spfAligned() || dkimAligned();
  }

  AggregateRecord withInterval(long newCount, Instant begin, Instant end) {
    return new AggregateRecord(sourceIp, newCount, disposition, dkimEvaluated, spfEvaluated,
        overrides, headerFrom, envelopeFrom, envelopeTo, dkim, spf, begin, end, true);
  }

  /** {@code <reason>}: why the receiver departed from the published policy. */
  public record PolicyOverride(String type, @Nullable String comment) {}

  /** One {@code <auth_results><dkim>}; selector is "none" when the reporter omitted it. */
  public record DkimResult(
      String domain, String selector, String result, @Nullable String humanResult) {}

  /** One {@code <auth_results><spf>}; scope defaults to "mfrom". */
  public record SpfResult(
      String domain, String scope, String result, @Nullable String humanResult) {}
}
