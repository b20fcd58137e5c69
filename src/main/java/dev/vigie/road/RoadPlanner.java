package dev.vigie.road;

import dev.vigie.dns.dmarc.Policy;
import dev.vigie.enrich.SenderCatalogue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decides the next step of a domain from its published policy and its last {@link
 * RoadRules#windowDays()} days: its compliance and its sources grouped by service.
 *
 * <ol>
 *   <li>No record → {@link Road.Verdict#PUBLISH_RECORD}: {@code p=none} with reports to the MSP.
 *   <li>At {@code p=reject} for all mail → {@link Road.Verdict#DONE}.
 *   <li>Fewer than {@link RoadRules#minDaysWithData()} days with reports, or fewer than {@link
 *       RoadRules#minMessages()} messages → {@link Road.Verdict#NEEDS_DATA}: a verdict on a few
 *       days would miss the monthly invoice run.
 *   <li>A legitimate sender failing above both thresholds → {@link Road.Verdict#BLOCKED}, each
 *       with its fixes.
 *   <li>Otherwise → {@link Road.Verdict#READY}.
 * </ol>
 *
 * The next step is: none → quarantine → reject; a partial enforcement (pct or t=y) first becomes
 * full at its own policy. Impostors never block (enforcing is what stops them); forwarded mail
 * never blocks (no DNS change helps it) but is pointed out when large.
 */
public final class RoadPlanner {
  private RoadPlanner() {}

  public static Road plan(String domain, PublishedPolicy policy, Compliance window,
      List<SourceRow> windowSources, SenderCatalogue catalogue, RoadRules rules,
      @Nullable String reportAddress) {
    List<ServiceGroup> groups = SourceGrouping.group(domain, windowSources, catalogue, Map.of());
    Stage stage = policy.stage();
    if (stage == Stage.NONE) {
      return new Road(stage, false, policy, Road.Verdict.PUBLISH_RECORD, List.of(), List.of(),
          List.of(), DmarcRecords.next(domain, policy, Policy.NONE, false, reportAddress));
    }
    List<Advice> warnings = new ArrayList<>();
    if (policy.policy() != Policy.NONE && policy.subdomainPolicy() == Policy.NONE) {
      warnings.add(Advice.of("road.warn.subdomains-unprotected"));
    }
    if (stage == Stage.REJECT) {
      return new Road(stage, false, policy, Road.Verdict.DONE, List.of(), List.of(), warnings,
          null);
    }
    NextRecord next = nextRecord(domain, policy, rules, reportAddress);
    List<Advice> reasons = new ArrayList<>();
    long days = window.daysWithData();
    if (days < rules.minDaysWithData()) {
      reasons.add(Advice.of("road.needs-data.days", days, rules.minDaysWithData()));
    }
    if (window.messages() < rules.minMessages()) {
      reasons.add(Advice.of("road.needs-data.messages", window.messages(), rules.minMessages()));
    }
    // Mail stored before classification existed cannot be judged: failing mail of unknown class
    // may be a legitimate sender, so it holds the verdict like missing data does.
    long unclassifiedFailing = windowSources.stream().filter(r -> r.sourceClass() == null)
        .mapToLong(SourceRow::fail).sum();
    if (blocks(unclassifiedFailing, window.messages(), rules)) {
      reasons.add(Advice.of("road.needs-data.unclassified", unclassifiedFailing));
    }
    List<Blocker> blockers = new ArrayList<>();
    for (ServiceGroup g : groups) {
      long failing = g.byClass().authorisedFailing();
      if (failing == 0) {
        continue;
      }
      double share = Compliance.percent(failing, window.messages());
      List<Advice> fixes = g.advice().stream().filter(a -> a.key().startsWith("road.fix.")).toList();
      if (blocks(failing, window.messages(), rules)) {
        blockers.add(new Blocker(g.key(), g.senderId(), g.name(), failing, share, fixes));
      } else {
        warnings.add(Advice.of("road.warn.small-failing-sender", g.name(), failing, share));
      }
    }
    blockers.sort(Comparator.comparingLong(Blocker::failing).reversed()
        .thenComparing(Blocker::serviceKey));
    double forwarded = Compliance.percent(window.byClass().forwarded(), window.messages());
    if (window.byClass().forwarded() > 0
        && forwarded >= rules.forwardedWarningPercent()) {
      warnings.add(Advice.of("road.warn.forwarded", window.byClass().forwarded(), forwarded));
    }
    if (window.byClass().unclassified() > 0) {
      warnings.add(Advice.of("road.warn.unclassified", window.byClass().unclassified()));
    }
    Road.Verdict verdict = !reasons.isEmpty() ? Road.Verdict.NEEDS_DATA
        : !blockers.isEmpty() ? Road.Verdict.BLOCKED : Road.Verdict.READY;
    return new Road(stage, policy.partial(), policy, verdict, blockers, reasons, warnings, next);
  }

  private static boolean blocks(long failing, long messages, RoadRules rules) {
    return failing > 0 && failing >= rules.blockingMessages()
        && failing * 100.0 >= rules.blockingPercent() * messages;
  }

  /** The record after the current one (see the class comment and {@link RoadRules#testingFirst}). */
  static NextRecord nextRecord(String domain, PublishedPolicy policy, RoadRules rules,
      @Nullable String reportAddress) {
    Policy p = policy.policy() == null ? Policy.NONE : policy.policy();
    if (policy.partial()) {
      // Finish the step already begun: the same policy, for all mail (no pct, no t).
      return DmarcRecords.next(domain, policy, p, false, reportAddress);
    }
    Policy target = p == Policy.NONE ? Policy.QUARANTINE : Policy.REJECT;
    return DmarcRecords.next(domain, policy, target, rules.testingFirst(), reportAddress);
  }
}
