package dev.vigie.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.dns.dmarc.Policy;
import dev.vigie.dns.psl.PublicSuffixes;
import dev.vigie.enrich.SenderCatalogue;
import dev.vigie.road.Advice;
import dev.vigie.road.ClientSummary;
import dev.vigie.road.DomainView;
import dev.vigie.road.Insights;
import dev.vigie.road.MspOverview;
import dev.vigie.road.Road;
import dev.vigie.road.RoadRules;
import dev.vigie.road.Simulation;
import dev.vigie.road.Stage;
import dev.vigie.road.StageCounts;
import dev.vigie.store.ReadPool;
import dev.vigie.store.StatusSql;
import dev.vigie.store.Store;
import dev.vigie.store.StoreLocation;
import dev.vigie.store.StoreStatus;
import dev.vigie.testing.BothEngines;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The demo loads through the real ingestion path and shows every stage it promises. */
class DemoDataTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-31T09:00:00Z"), ZoneOffset.UTC);
  private static final long T = Store.DEFAULT_TENANT;
  @TempDir Path dir;


  private Store open(StoreLocation.Engine engine) throws Exception {
    return BothEngines.open(engine, dir);
  }

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
  void load_givesTheIntendedStagesAndRoad(StoreLocation.Engine engine) throws Exception {
    try (Store s = open(engine)) {
      DemoData.Loaded loaded = DemoData.load(s, CLOCK);
      assertThat(loaded.clients()).isEqualTo(5);
      assertThat(loaded.domains()).isEqualTo(7);
      assertThat(loaded.failureReports()).isEqualTo(5);
      assertThat(loaded.tlsReports()).isEqualTo(28);
      StoreStatus st = StatusSql.status(s);
      assertThat(st.reports()).isEqualTo(loaded.aggregateReports());
      assertThat(st.messages()).isEqualTo(loaded.messages());
      assertThat(st.failureReports()).isEqualTo(5);
      assertThat(st.tlsReports()).isEqualTo(28);
      assertThat(st.quarantined()).isZero();
      assertThat(st.unclaimed()).isZero();
      // Deterministic: the same seed and day give the same figures.
      assertThat(loaded.aggregateReports()).isEqualTo(1_554);

      try (ReadPool pool = ReadPool.open(s, 2)) {
        Insights insights = new Insights(pool, SenderCatalogue.bundled(),
            PublicSuffixes.bundled(), CLOCK, RoadRules.defaults(), DemoData.publishedRecords(),
            DemoData.REPORT_ADDRESS);
        MspOverview o = insights.overview(T);
        assertThat(o.stages()).isEqualTo(new StageCounts(1, 3, 1, 2));
        assertThat(o.reportsStopped()).extracting(ClientSummary::name)
            .containsExactly("Les Amis du Parc");
        assertThat(o.reportsStopped().get(0).lastReport()).isEqualTo(
            CLOCK.instant().atZone(ZoneOffset.UTC).toLocalDate().minusDays(6));

        boolean classified = classified(s);
        assertThat(classified).isTrue(); // the Ingestor classifies every record
        Road bakery = insights.road(T, "boulangerie-martin.fr").orElseThrow();
        assertThat(bakery.stage()).isEqualTo(Stage.MONITORING);
        assertThat(bakery.next().record().value())
            .isEqualTo("v=DMARC1; p=quarantine; rua=mailto:dmarc@reports.vigie-demo.example");
        {
          assertThat(bakery.verdict()).isEqualTo(Road.Verdict.BLOCKED);
          assertThat(bakery.blockers()).singleElement().satisfies(b -> {
            assertThat(b.senderId()).isEqualTo("sendgrid");
            assertThat(b.fixes()).first().isEqualTo(
                Advice.of("road.fix.dkim", "SendGrid (Twilio)", "boulangerie-martin.fr"));
          });
        }

        Road law = insights.road(T, "durand-avocats.fr").orElseThrow();
        assertThat(law.stage()).isEqualTo(Stage.QUARANTINE);
        assertThat(law.next().record().value()).isEqualTo("v=DMARC1; p=reject;"
            + " rua=mailto:dmarc@reports.vigie-demo.example;"
            + " ruf=mailto:dmarc-ruf@reports.vigie-demo.example; fo=1");
        {
          assertThat(law.verdict()).isEqualTo(Road.Verdict.READY);
        }

        assertThat(insights.road(T, "sourire-dentaire.fr").orElseThrow().verdict())
            .isEqualTo(Road.Verdict.DONE);
        assertThat(insights.road(T, "durand-avocats.com").orElseThrow().stage())
            .isEqualTo(Stage.REJECT);
        Road silent = insights.road(T, "leroy-industrie.com").orElseThrow();
        assertThat(silent.verdict()).isEqualTo(Road.Verdict.PUBLISH_RECORD);
        assertThat(silent.next().record().value())
            .isEqualTo("v=DMARC1; p=none; rua=mailto:dmarc@reports.vigie-demo.example");

        DomainView leroy = insights.domain(T, "leroy-meca.fr", insights.window()).orElseThrow();
        assertThat(leroy.road().stage()).isEqualTo(Stage.MONITORING);
        assertThat(leroy.failureReports()).isEqualTo(5);
        Simulation sim = insights.simulate(T, "leroy-meca.fr", Policy.REJECT, 30).orElseThrow();
        // two spoofing campaigns: 4 days × ≥ 400 and 3 days × ≥ 900 impostor messages
        assertThat(sim.affected()).isGreaterThan(4 * 400 + 3 * 900);
        {
          assertThat(leroy.road().verdict()).isEqualTo(Road.Verdict.READY);
          assertThat(sim.affectedByClass().authorisedFailing()).isZero();
          assertThat(sim.affectedByClass().unknownOrImpostor()).isEqualTo(sim.affected());
        }
        DomainView dental =
            insights.domain(T, "durand-avocats.fr", insights.window()).orElseThrow();
        assertThat(dental.tlsReports()).isEqualTo(14);
        assertThat(dental.tlsFailedSessions()).isPositive();
      }
    }
  }
}
