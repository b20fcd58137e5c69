package dev.vigie.road;

import dev.vigie.dns.dmarc.Policy;
import java.util.List;

/**
 * "Had this domain been at {@code policy} over {@code period}": the mail that failed DMARC, which
 * receivers honouring the policy would have quarantined or rejected, by sender.
 *
 * @param messages all the domain's messages in the period
 * @param affected messages that failed DMARC, so would have been quarantined (or rejected)
 * @param affectedByClass those, by source class: legitimate-failing is mail the business would
 *     lose, forwarded is legitimate mail re-sent by forwarders and lists (affected too: receivers
 *     that honour ARC may spare some of it), unknown is what enforcement is for
 * @param actual what receivers actually did with the failing mail under the published policy
 * @param newlyAffected affected messages that were not already treated as the policy would
 *     (quarantine: not already quarantined or rejected; reject: not already rejected)
 * @param senders every sender with failing mail, most affected first
 * @param notes {@code road.sim.note.forwarded} [messages] when forwarded mail is affected;
 *     {@code road.sim.note.upper-bound}: receivers apply local policy too, so this is the most
 *     that would be affected
 */
public record Simulation(
    String domain,
    Policy policy,
    Period period,
    long messages,
    long affected,
    double affectedPercent,
    ClassSplit affectedByClass,
    ServiceGroup.Dispositions actual,
    long newlyAffected,
    List<Sender> senders,
    List<Advice> notes) {

  public Simulation {
    senders = List.copyOf(senders);
    notes = List.copyOf(notes);
  }

  /**
   * One sender's share.
   *
   * @param messages all its messages in the period
   * @param affected its failing messages
   * @param affectedByClass those by class
   * @param actual what receivers did with its failing messages
   */
  public record Sender(
      String key,
      String name,
      String sourceClass,
      long messages,
      long affected,
      ClassSplit affectedByClass,
      ServiceGroup.Dispositions actual,
      List<ServiceGroup.IpVolume> topIps) {
    public Sender {
      topIps = List.copyOf(topIps);
    }
  }
}
