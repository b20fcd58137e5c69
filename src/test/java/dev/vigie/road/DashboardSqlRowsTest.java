package dev.vigie.road;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.store.ReadPool;
import dev.vigie.store.Store;
import dev.vigie.store.StoreLocation;
import dev.vigie.testing.BothEngines;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The dashboard SQL over rows written directly (classified rollups, as the Ingestor writes them
 * once classification is on), so each engine's SQL is checked on its own — including rollup
 * deltas for one key split over several rows, which readers must sum.
 */
class DashboardSqlRowsTest {
  private static final Clock CLOCK = Clock.fixed(RoadFixture.NOW, ZoneOffset.UTC);
  @TempDir Path dir;


  private Store open(StoreLocation.Engine engine) throws Exception {
    return BothEngines.open(engine, dir);
  }

  private static void rows(Store s) throws Exception {
    try (Statement st = s.connection().createStatement()) {
      st.execute("INSERT INTO client_org VALUES (1, 1, 'Bakery', TIMESTAMP '2026-01-01 00:00:00'),"
          + " (2, 1, 'Other tenant', TIMESTAMP '2026-01-01 00:00:00')");
      st.execute("INSERT INTO client_domain VALUES (1, 'bakery.example', 1,"
          + " TIMESTAMP '2026-01-01 00:00:00'), (2, 'bakery.example', 1,"
          + " TIMESTAMP '2026-01-01 00:00:00')");
      // two reports: the later one says quarantine
      st.execute("INSERT INTO aggregate_report (tenant_id, report_seq, org_name, report_id,"
          + " policy_domain, client_id, begin_at, end_at, policy_p, policy_sp, record_total,"
          + " message_total, raw_sha256, origin, warnings, stored_at) VALUES"
          + " (1, 1, 'google.com', 'a', 'bakery.example', 1, TIMESTAMP '2026-03-28 00:00:00',"
          + " TIMESTAMP '2026-03-28 23:59:59', 'none', NULL, 1, 1, 'x', 'o', NULL,"
          + " TIMESTAMP '2026-03-29 00:00:00'),"
          + " (1, 2, 'google.com', 'b', 'bakery.example', 1, TIMESTAMP '2026-03-29 00:00:00',"
          + " TIMESTAMP '2026-03-29 23:59:59', 'quarantine', 'none', 1, 1, 'x', 'o', NULL,"
          + " TIMESTAMP '2026-03-30 00:00:00'),"
          + " (2, 1, 'google.com', 'a', 'bakery.example', 1, TIMESTAMP '2026-03-29 00:00:00',"
          + " TIMESTAMP '2026-03-29 23:59:59', 'reject', NULL, 1, 1, 'x', 'o', NULL,"
          + " TIMESTAMP '2026-03-30 00:00:00')");
      st.execute("INSERT INTO daily_rollup (tenant_id, domain_name, rollup_date, source_ip,"
          + " disposition, dkim_eval, spf_eval, message_total, sender_id, source_class) VALUES"
          + " (1, 'bakery.example', DATE '2026-03-28', '209.85.220.41', 'none', 'pass', 'pass', 60,"
          + " 'google', 'AUTHORISED_PASSING'),"
          + " (1, 'bakery.example', DATE '2026-03-28', '209.85.220.41', 'none', 'pass', 'pass', 40,"
          + " 'google', 'AUTHORISED_PASSING'),"
          + " (1, 'bakery.example', DATE '2026-03-28', '167.89.1.10', 'none', 'fail', 'fail', 20,"
          + " 'sendgrid', 'AUTHORISED_FAILING'),"
          + " (1, 'bakery.example', DATE '2026-03-29', '167.89.1.10', 'quarantine', 'fail', 'fail',"
          + " 30, 'sendgrid', 'AUTHORISED_FAILING'),"
          + " (1, 'bakery.example', DATE '2026-03-29', '203.0.113.5', 'quarantine', 'fail', 'fail',"
          + " 5, NULL, 'UNKNOWN_OR_IMPOSTOR'),"
          + " (1, 'bakery.example', DATE '2026-03-29', '209.85.220.69', 'none', 'fail', 'pass',"
          + " 5, 'google-groups', 'FORWARDED'),"
          + " (2, 'bakery.example', DATE '2026-03-29', '1.2.3.4', 'none', 'pass', 'pass', 999,"
          + " NULL, NULL)");
      // what ingestion writes beside the rollups: per domain × day × class
      st.execute("INSERT INTO domain_day SELECT tenant_id, domain_name, rollup_date, source_class,"
          + " sum(message_total), sum(CASE WHEN dkim_eval = 'pass' OR spf_eval = 'pass'"
          + " THEN message_total ELSE 0 END) FROM daily_rollup"
          + " GROUP BY tenant_id, domain_name, rollup_date, source_class");
    }
  }

  @ParameterizedTest
  @EnumSource(StoreLocation.Engine.class)
  void facade_sumsDeltasAndKeepsTenantsApart(StoreLocation.Engine engine) throws Exception {
    try (Store s = open(engine); ReadPool pool = ReadPool.open(s, 2)) {
      rows(s);
      Insights insights = Insights.of(pool, CLOCK);
      DomainView v = insights.domain(1, "bakery.example", insights.window()).orElseThrow();
      assertThat(v.road().stage()).isEqualTo(Stage.QUARANTINE);
      assertThat(v.road().policy().subdomainPolicy()).isNotNull();
      assertThat(v.road().warnings()).contains(Advice.of("road.warn.subdomains-unprotected"));
      assertThat(v.lastReport()).isEqualTo(LocalDate.parse("2026-03-29"));
      assertThat(v.aggregateReports()).isEqualTo(2);
      assertThat(v.compliance().messages()).isEqualTo(160);
      // the forwarded row passed SPF in policy_evaluated: a DMARC pass, whatever its class
      assertThat(v.compliance().pass()).isEqualTo(105);
      assertThat(v.compliance().byClass()).isEqualTo(new ClassSplit(100, 50, 5, 5, 0));
      assertThat(v.services()).extracting(ServiceGroup::key).containsExactly("sender:google",
          "sender:sendgrid", "ip:203.0.113.5", "sender:google-groups");
      ServiceGroup sendgrid = v.services().get(1);
      assertThat(sendgrid.dispositions()).isEqualTo(new ServiceGroup.Dispositions(20, 30, 0));
      assertThat(v.road().verdict()).isEqualTo(Road.Verdict.NEEDS_DATA);
      assertThat(v.road().blockers()).singleElement()
          .satisfies(b -> assertThat(b.failing()).isEqualTo(50));

      MspOverview o = insights.overview(1);
      assertThat(o.messages()).isEqualTo(160);
      assertThat(o.failingLegit()).isEqualTo(50);
      assertThat(o.stages()).isEqualTo(new StageCounts(0, 0, 1, 0));
      MspOverview other = insights.overview(2);
      assertThat(other.messages()).isEqualTo(999);
      assertThat(other.stages()).isEqualTo(new StageCounts(0, 0, 0, 1));

      Simulation sim = insights.simulate(1, "bakery.example", dev.vigie.dns.dmarc.Policy.REJECT,
          30).orElseThrow();
      assertThat(sim.affected()).isEqualTo(55);
      assertThat(sim.affectedByClass()).isEqualTo(new ClassSplit(0, 50, 0, 5, 0));
      assertThat(sim.actual()).isEqualTo(new ServiceGroup.Dispositions(20, 35, 0));
      assertThat(sim.newlyAffected()).isEqualTo(55);
    }
  }
}
