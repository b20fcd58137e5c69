package dev.vigie.road;

import dev.vigie.dns.dmarc.Policy;
import dev.vigie.enrich.SenderCatalogue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy simulator: every message that failed DMARC would have been affected by an enforced
 * policy, whoever sent it. That includes forwarded mail, which no DNS change can fix; receivers
 * that trust an ARC chain or recognise a mailing list may still deliver some of it, which
 * aggregate data cannot tell, so the figures are the upper bound.
 */
public final class Simulator {
  private Simulator() {}

  public static Simulation simulate(String domain, Policy policy, Period period,
      List<SourceRow> rows, SenderCatalogue catalogue, Map<String, String> reverseDnsBaseByIp) {
    if (policy == Policy.NONE) {
      throw new IllegalArgumentException("simulate quarantine or reject, not none");
    }
    long messages = 0;
    List<SourceRow> failing = new ArrayList<>();
    for (SourceRow r : rows) {
      messages += r.messages();
      if (r.fail() > 0) {
        failing.add(new SourceRow(r.senderId(), r.sourceClass(), r.ip(), r.disposition(),
            r.fail(), 0));
      }
    }
    Map<String, Long> totals = new HashMap<>();
    for (ServiceGroup g : SourceGrouping.group(domain, rows, catalogue, reverseDnsBaseByIp)) {
      totals.put(g.key(), g.messages());
    }
    List<Simulation.Sender> senders = new ArrayList<>();
    long affected = 0;
    ClassSplit byClass = ClassSplit.EMPTY;
    ServiceGroup.Dispositions actual = ServiceGroup.Dispositions.EMPTY;
    for (ServiceGroup g : SourceGrouping.group(domain, failing, catalogue, reverseDnsBaseByIp)) {
      senders.add(new Simulation.Sender(g.key(), g.name(), g.sourceClass(),
          totals.getOrDefault(g.key(), g.messages()), g.messages(), g.byClass(), g.dispositions(),
          g.topIps()));
      affected += g.messages();
      byClass = Compliance.add(byClass, g.byClass());
      actual = new ServiceGroup.Dispositions(actual.none() + g.dispositions().none(),
          actual.quarantine() + g.dispositions().quarantine(),
          actual.reject() + g.dispositions().reject());
    }
    long already = policy == Policy.REJECT ? actual.reject() : actual.quarantine() + actual.reject();
    List<Advice> notes = new ArrayList<>();
    notes.add(Advice.of("road.sim.note.upper-bound"));
    if (byClass.forwarded() > 0) {
      notes.add(Advice.of("road.sim.note.forwarded", byClass.forwarded()));
    }
    return new Simulation(domain, policy, period, messages, affected,
        Compliance.percent(affected, messages), byClass, actual, affected - already, senders,
        notes);
  }
}
