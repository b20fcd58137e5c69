package dev.vigie.road;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a domain stands on the road to {@code p=reject} and what comes next.
 *
 * @param stage the stage its published policy puts it at
 * @param partial enforcement is partial (pct below 100 or t=y)
 * @param verdict whether it can move on now
 * @param blockers legitimate senders failing enough to block the next step, largest first
 * @param reasons why the verdict is what it is when that is not a blocker, e.g. {@code
 *     road.needs-data.days} [days with reports, days needed]
 * @param warnings things to know before moving on that do not block: small failing senders,
 *     forwarded mail that enforcement will affect, unclassified mail, weaker subdomain policy
 * @param next the record that takes it to the next stage (to publish once the verdict is READY);
 *     null at the end of the road
 */
public record Road(
    Stage stage,
    boolean partial,
    PublishedPolicy policy,
    Verdict verdict,
    List<Blocker> blockers,
    List<Advice> reasons,
    List<Advice> warnings,
    @Nullable NextRecord next) {

  public Road {
    blockers = List.copyOf(blockers);
    reasons = List.copyOf(reasons);
    warnings = List.copyOf(warnings);
  }

  /** Whether the domain can take its next step. */
  public enum Verdict {
    /** No DMARC record yet: publish the first one (p=none, with reports to the MSP). */
    PUBLISH_RECORD,
    /** Not enough reports yet to judge. */
    NEEDS_DATA,
    /** Legitimate senders still fail: fix them first. */
    BLOCKED,
    /** Clean: publish the next record. */
    READY,
    /** At p=reject for all mail. */
    DONE
  }
}
