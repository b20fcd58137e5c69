package dev.vigie.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.demo.AggregateXml;
import dev.vigie.ingest.Source;
import dev.vigie.store.Store;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mail received inside {@code vigie serve} ({@link WebApp#receiver}) shows on the dashboards as
 * soon as it is stored, although they are cached: storing through the bare Ingestor would not.
 */
class WebReceiverTest {
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void receiver_storedMessage_showsOnTheCachedOverviewAtOnce() {
    long tenant = Store.DEFAULT_TENANT;
    WebApp app = server.app;
    assertThat(app.insights(tenant).overview(tenant).messages()).isZero();

    // Stored behind the web's back: the cached overview does not see it yet.
    app.ingestor(tenant).ingest(report("by-ingestor", 30), source());
    assertThat(app.insights(tenant).overview(tenant).messages()).isZero();

    app.receiver(tenant).ingest(report("by-receiver", 120), source());
    assertThat(app.insights(tenant).overview(tenant).messages()).isEqualTo(150);
  }

  private static Source source() {
    return new Source(Source.Kind.SMTP, "smtp from 127.0.0.1 for dmarc@msp.test",
        server.clock.instant());
  }

  /** A gzipped aggregate report for dupont.example (the default tenant's client) yesterday. */
  private static byte[] report(String id, long count) {
    LocalDate yesterday = LocalDate.now(server.clock.withZone(ZoneOffset.UTC)).minusDays(1);
    Instant begin = yesterday.atStartOfDay().toInstant(ZoneOffset.UTC);
    return AggregateXml.gzip(new AggregateXml.Header("google.com",
        "noreply-dmarc-support@google.com", id, begin, begin.plusSeconds(86399), "dupont.example",
        "none", null, null), List.of(new AggregateXml.Row("209.85.220.41", count, "none", "pass",
        "pass", "dupont.example", "dupont.example",
        List.of(new AggregateXml.Auth("dupont.example", "google", "pass")),
        List.of(new AggregateXml.Auth("dupont.example", "mfrom", "pass")))));
  }
}
