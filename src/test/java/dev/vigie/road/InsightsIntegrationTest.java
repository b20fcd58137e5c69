package dev.vigie.road;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.dns.dmarc.Policy;
import dev.vigie.report.ParseLimits;
import dev.vigie.report.extract.ReportExtractor;
import dev.vigie.store.DirectorySql;
import dev.vigie.store.Ingestor;
import dev.vigie.store.ReadPool;
import dev.vigie.store.Store;
import dev.vigie.store.StoreLocation;
import dev.vigie.testing.BothEngines;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The dashboards' SQL and the facade on both engines, over reports ingested for real. */
class InsightsIntegrationTest {
  private static final Clock CLOCK = Clock.fixed(RoadFixture.NOW, ZoneOffset.UTC);
  private static final long T = Store.DEFAULT_TENANT;
  @TempDir Path dir;


  private Store open(StoreLocation.Engine engine) throws Exception {
    return BothEngines.open(engine, dir);
  }

  private static void load(Store s) {
    DirectorySql.addClient(s, "Boulangerie", List.of("bakery.example", "nothing.example"));
    DirectorySql.addClient(s, "Law firm", List.of("lawfirm.example"));
    new Ingestor(s, new ReportExtractor(ParseLimits.defaults()), CLOCK)
        .ingestBatch(RoadFixture.reports());
  }

  /** Whether ingestion stored a class for the sources (it always does). */
  private static boolean classified(Store s) throws Exception {
    try (Statement st = s.connection().createStatement();
        ResultSet rs = st.executeQuery(
            "SELECT count(*) FROM daily_rollup WHERE source_class IS NOT NULL")) {
      rs.next();
      return rs.getLong(1) > 0;
    }
  }

  @ParameterizedTest
  @EnumSource(StoreLocation.Engine.class)
  void overview_countsStagesComplianceAndSilentClients(StoreLocation.Engine engine)
      throws Exception {
    try (Store s = open(engine); ReadPool pool = ReadPool.open(s, 2)) {
      load(s);
      MspOverview o = Insights.of(pool, CLOCK).overview(T);
      assertThat(o.period()).isEqualTo(new Period(LocalDate.parse("2026-03-02"),
          RoadFixture.TODAY));
      assertThat(o.stages()).isEqualTo(new StageCounts(1, 1, 1, 0));
      assertThat(o.messages()).isEqualTo(20 * 125 + 15 * 54);
      assertThat(o.pass()).isEqualTo(20 * 100 + 15 * 50);
      assertThat(o.passPercent()).isEqualTo(83.1);
      assertThat(o.clients()).extracting(ClientSummary::name)
          .containsExactly("Boulangerie", "Law firm");
      ClientSummary bakery = o.clients().get(0);
      assertThat(bakery.domains()).isEqualTo(2);
      assertThat(bakery.stages()).isEqualTo(new StageCounts(1, 1, 0, 0));
      assertThat(bakery.lastReport()).isEqualTo(LocalDate.parse("2026-03-30"));
      assertThat(bakery.reportsStopped()).isFalse();
      assertThat(o.reportsStopped()).singleElement().satisfies(c -> {
        assertThat(c.name()).isEqualTo("Law firm");
        assertThat(c.lastReport()).isEqualTo(LocalDate.parse("2026-03-25"));
        assertThat(c.stoppedDomains()).containsExactly("lawfirm.example");
      });
      assertThat(classified(s)).isTrue(); // the Ingestor classifies every record
      {
        assertThat(bakery.failingLegit()).isEqualTo(20 * 20);
        assertThat(o.failingLegit()).isEqualTo(20 * 20);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(StoreLocation.Engine.class)
  void domain_givesComplianceServicesAndRoad(StoreLocation.Engine engine) throws Exception {
    try (Store s = open(engine); ReadPool pool = ReadPool.open(s, 2)) {
      load(s);
      Insights insights = Insights.of(pool, CLOCK);
      Period march = new Period(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"));
      DomainView v = insights.domain(T, "Bakery.Example.", march).orElseThrow();
      assertThat(v.clientName()).isEqualTo("Boulangerie");
      assertThat(v.compliance().days()).hasSize(31);
      assertThat(v.compliance().daysWithData()).isEqualTo(20);
      assertThat(v.compliance().messages()).isEqualTo(2500);
      assertThat(v.compliance().pass()).isEqualTo(2000);
      assertThat(v.compliance().passPercent()).isEqualTo(80.0);
      Compliance.Day d = v.compliance().days().get(10);
      assertThat(d.date()).isEqualTo(LocalDate.parse("2026-03-11"));
      assertThat(d.messages()).isEqualTo(125);
      assertThat(d.pass()).isEqualTo(100);
      assertThat(v.aggregateReports()).isEqualTo(20);
      assertThat(v.lastReport()).isEqualTo(LocalDate.parse("2026-03-30"));
      assertThat(v.road().stage()).isEqualTo(Stage.MONITORING);
      assertThat(v.road().next().record().value())
          .isEqualTo("v=DMARC1; p=quarantine");
      assertThat(v.road().next().notes()).extracting(Advice::key)
          .contains("road.record.rebuilt-from-reports", "road.record.add-rua");
      assertThat(v.services().stream().mapToLong(ServiceGroup::messages).sum()).isEqualTo(2500);
      assertThat(classified(s)).isTrue(); // the Ingestor classifies every record
      {
        assertThat(v.compliance().byClass()).isEqualTo(new ClassSplit(2000, 400, 40, 60, 0));
        ServiceGroup sendgrid = v.services().stream()
            .filter(g -> "sendgrid".equals(g.senderId())).findFirst().orElseThrow();
        assertThat(sendgrid.messages()).isEqualTo(400);
        assertThat(sendgrid.fail()).isEqualTo(400);
        assertThat(sendgrid.sourceClass()).isEqualTo("AUTHORISED_FAILING");
        assertThat(sendgrid.advice()).extracting(Advice::key)
            .startsWith("road.fix.dkim", "road.fix.spf-include");
        assertThat(v.road().verdict()).isEqualTo(Road.Verdict.BLOCKED);
        assertThat(v.road().blockers()).singleElement().satisfies(b -> {
          assertThat(b.senderId()).isEqualTo("sendgrid");
          assertThat(b.failing()).isEqualTo(400);
          assertThat(b.sharePercent()).isEqualTo(16.0);
        });
      }

      DomainView law = insights.domain(T, "lawfirm.example", march).orElseThrow();
      assertThat(law.road().stage()).isEqualTo(Stage.QUARANTINE);
      assertThat(law.reportsStopped()).isTrue();
      assertThat(law.compliance().messages()).isEqualTo(15 * 54);
      assertThat(law.road().next().record().value()).isEqualTo("v=DMARC1; p=reject");
      assertThat(classified(s)).isTrue(); // the Ingestor classifies every record
      {
        assertThat(law.road().verdict()).isEqualTo(Road.Verdict.READY);
      }

      DomainView none = insights.domain(T, "nothing.example", march).orElseThrow();
      assertThat(none.road().stage()).isEqualTo(Stage.NONE);
      assertThat(none.road().verdict()).isEqualTo(Road.Verdict.PUBLISH_RECORD);
      assertThat(none.compliance().messages()).isZero();

      assertThat(insights.domain(T, "unknown.example", march)).isEmpty();
      assertThat(insights.domain(T + 1, "bakery.example", march)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(StoreLocation.Engine.class)
  void simulate_countsEveryFailingMessage(StoreLocation.Engine engine) throws Exception {
    try (Store s = open(engine); ReadPool pool = ReadPool.open(s, 2)) {
      load(s);
      Insights insights = Insights.of(pool, CLOCK);
      Simulation sim = insights.simulate(T, "bakery.example", Policy.REJECT, 30).orElseThrow();
      assertThat(sim.messages()).isEqualTo(2500);
      assertThat(sim.affected()).isEqualTo(500);
      assertThat(sim.affectedPercent()).isEqualTo(20.0);
      assertThat(sim.actual()).isEqualTo(new ServiceGroup.Dispositions(500, 0, 0));
      assertThat(sim.newlyAffected()).isEqualTo(500);
      assertThat(sim.senders()).extracting(Simulation.Sender::affected)
          .containsExactly(400L, 60L, 40L);
      assertThat(classified(s)).isTrue(); // the Ingestor classifies every record
      {
        assertThat(sim.affectedByClass()).isEqualTo(new ClassSplit(0, 400, 40, 60, 0));
        assertThat(sim.notes()).extracting(Advice::key).contains("road.sim.note.forwarded");
      }
      Simulation law = insights.simulate(T, "lawfirm.example", Policy.QUARANTINE, 30)
          .orElseThrow();
      assertThat(law.affected()).isEqualTo(60);
      assertThat(law.actual()).isEqualTo(new ServiceGroup.Dispositions(0, 60, 0));
      assertThat(law.newlyAffected()).isZero();
      assertThat(insights.simulate(T + 1, "lawfirm.example", Policy.QUARANTINE, 30)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(StoreLocation.Engine.class)
  void client_scopesToItsDomains(StoreLocation.Engine engine) throws Exception {
    try (Store s = open(engine); ReadPool pool = ReadPool.open(s, 2)) {
      load(s);
      Insights insights = Insights.of(pool, CLOCK);
      long bakeryId = DirectorySql.addClient(s, "Boulangerie", List.of());
      ClientView c = insights.client(T, bakeryId, insights.window()).orElseThrow();
      assertThat(c.name()).isEqualTo("Boulangerie");
      assertThat(c.domains()).extracting(DomainSummary::domain)
          .containsExactly("bakery.example", "nothing.example");
      assertThat(c.compliance().messages()).isEqualTo(2500);
      assertThat(c.compliance().pass()).isEqualTo(2000);
      assertThat(c.domains().get(0).messages()).isEqualTo(2500);
      assertThat(c.stages()).isEqualTo(new StageCounts(1, 1, 0, 0));
      assertThat(insights.client(T, 999, insights.window())).isEmpty();
      assertThat(insights.client(T + 1, bakeryId, insights.window())).isEmpty();
    }
  }
}
