package dev.vigie.road;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.dns.dmarc.Policy;
import dev.vigie.enrich.SenderCatalogue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoadPlannerTest {
  private static final SenderCatalogue CAT = SenderCatalogue.bundled();
  private static final Period WINDOW =
      new Period(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-31"));
  private static final PublishedPolicy P_NONE =
      PublishedPolicy.fromDns("v=DMARC1; p=none; rua=mailto:d@msp.example");

  /** {@code days} days of: Google 1000 passing; SendGrid {@code sendgrid} failing; 5 forwarded. */
  private static Compliance window(int days, long sendgrid) {
    List<DailyRow> rows = new ArrayList<>();
    for (int i = 0; i < days; i++) {
      LocalDate d = WINDOW.to().minusDays(i);
      rows.add(new DailyRow(d, "AUTHORISED_PASSING", 1000, 1000));
      rows.add(new DailyRow(d, "AUTHORISED_FAILING", sendgrid, 0));
      rows.add(new DailyRow(d, "FORWARDED", 5, 0));
    }
    return Compliance.of(WINDOW, rows);
  }

  private static List<SourceRow> sources(int days, long sendgrid) {
    return List.of(new SourceRow("google", "AUTHORISED_PASSING", "209.85.220.41", "none",
            1000L * days, 1000L * days),
        new SourceRow("sendgrid", "AUTHORISED_FAILING", "167.89.1.10", "none", sendgrid * days, 0),
        new SourceRow("google-groups", "FORWARDED", "209.85.220.69", "none", 5L * days, 0),
        new SourceRow(null, "UNKNOWN_OR_IMPOSTOR", "203.0.113.5", "none", 7L * days, 0));
  }

  private static Road plan(PublishedPolicy p, int days, long sendgrid) {
    return RoadPlanner.plan("bakery.example", p, window(days, sendgrid), sources(days, sendgrid),
        CAT, RoadRules.defaults(), null);
  }

  @Test
  void plan_failingLegitimateSenderBlocksWithItsFixes() {
    Road r = plan(P_NONE, 20, 30);
    assertThat(r.verdict()).isEqualTo(Road.Verdict.BLOCKED);
    assertThat(r.blockers()).singleElement().satisfies(b -> {
      assertThat(b.name()).isEqualTo("SendGrid (Twilio)");
      assertThat(b.failing()).isEqualTo(600);
      // 600 of 20 × 1035 = 20,700
      assertThat(b.sharePercent()).isEqualTo(2.9);
      assertThat(b.fixes()).containsExactly(
          Advice.of("road.fix.dkim", "SendGrid (Twilio)", "bakery.example"),
          Advice.of("road.fix.spf-include", "bakery.example", "sendgrid.net"),
          Advice.of("road.fix.custom-return-path", "SendGrid (Twilio)", "bakery.example"));
    });
    assertThat(r.next().record().value())
        .isEqualTo("v=DMARC1; p=quarantine; rua=mailto:d@msp.example");
  }

  @Test
  void plan_smallFailingSenderOnlyWarns() {
    // 1 a day: 20 messages, 0.1 % of 20,120 is 20.12 → below the share threshold
    Road r = plan(P_NONE, 20, 1);
    assertThat(r.verdict()).isEqualTo(Road.Verdict.READY);
    assertThat(r.warnings()).contains(
        Advice.of("road.warn.small-failing-sender", "SendGrid (Twilio)", 20, 0.1));
  }

  @Test
  void plan_tooFewDaysNeedsData() {
    Road r = plan(P_NONE, 10, 0);
    assertThat(r.verdict()).isEqualTo(Road.Verdict.NEEDS_DATA);
    assertThat(r.reasons()).containsExactly(Advice.of("road.needs-data.days", 10, 14));
  }

  @Test
  void plan_quarantineCleanIsReadyForReject() {
    Road r = plan(PublishedPolicy.fromDns("v=DMARC1; p=quarantine; rua=mailto:d@msp.example"),
        30, 0);
    assertThat(r.verdict()).isEqualTo(Road.Verdict.READY);
    assertThat(r.next().target()).isEqualTo(Stage.REJECT);
    assertThat(r.next().record().value()).isEqualTo("v=DMARC1; p=reject; rua=mailto:d@msp.example");
  }

  @Test
  void plan_partialEnforcementFirstBecomesFull() {
    Road r = plan(PublishedPolicy.fromDns("v=DMARC1; p=reject; pct=20"), 30, 0);
    assertThat(r.stage()).isEqualTo(Stage.QUARANTINE);
    assertThat(r.partial()).isTrue();
    assertThat(r.next().record().value()).isEqualTo("v=DMARC1; p=reject");
    assertThat(r.next().target()).isEqualTo(Stage.REJECT);
  }

  @Test
  void plan_atRejectIsDoneAndNoRecordIsPublishFirst() {
    assertThat(plan(PublishedPolicy.fromDns("v=DMARC1; p=reject"), 30, 0).verdict())
        .isEqualTo(Road.Verdict.DONE);
    Road none = RoadPlanner.plan("a.example", PublishedPolicy.unknown(), window(0, 0), List.of(),
        CAT, RoadRules.defaults(), "dmarc@reports.msp.example");
    assertThat(none.verdict()).isEqualTo(Road.Verdict.PUBLISH_RECORD);
    assertThat(none.next().record().value())
        .isEqualTo("v=DMARC1; p=none; rua=mailto:dmarc@reports.msp.example");
  }

  @Test
  void simulate_splitsAffectedMailByClass() {
    Simulation s = Simulator.simulate("bakery.example", Policy.REJECT, WINDOW, sources(30, 30),
        CAT, java.util.Map.of());
    assertThat(s.messages()).isEqualTo(30 * 1042);
    assertThat(s.affected()).isEqualTo(30 * 42);
    assertThat(s.affectedByClass()).isEqualTo(new ClassSplit(0, 900, 150, 210, 0));
    assertThat(s.senders()).extracting(Simulation.Sender::name)
        .containsExactly("SendGrid (Twilio)", "203.0.113.5", "Google Groups");
    assertThat(s.notes()).contains(Advice.of("road.sim.note.forwarded", 150));
  }

  @Test
  void group_namesServicesAndAdvisesPerClass() {
    List<ServiceGroup> g = SourceGrouping.group("bakery.example", sources(1, 30), CAT,
        java.util.Map.of("203.0.113.5", "evil.example"));
    assertThat(g).extracting(ServiceGroup::key).containsExactly("sender:google",
        "sender:sendgrid", "rdns:evil.example", "sender:google-groups");
    assertThat(g.get(0).category()).isEqualTo("mailbox-provider");
    assertThat(g.get(0).advice()).isEmpty();
    assertThat(g.get(2).sourceClass()).isEqualTo("UNKNOWN_OR_IMPOSTOR");
    assertThat(g.get(2).advice()).containsExactly(Advice.of("road.explain.unknown", 1));
    assertThat(g.get(3).advice()).containsExactly(Advice.of("road.explain.forwarded"));
  }
}
