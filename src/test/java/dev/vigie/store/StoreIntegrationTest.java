package dev.vigie.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.ingest.IngestResult;
import dev.vigie.ingest.Source;
import dev.vigie.report.ParseLimits;
import dev.vigie.report.extract.ReportExtractor;
import dev.vigie.testing.BothEngines;
import dev.vigie.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One suite, both engines: the embedded DuckDB and a real PostgreSQL started for the run. */
class StoreIntegrationTest {
  @TempDir Path dir;


  private Store open(StoreLocation.Engine engine) throws Exception {
    return BothEngines.open(engine, dir);
  }

  private static Ingestor ingestor(Store s, ParseLimits limits) {
    return new Ingestor(s, new ReportExtractor(limits), Clock.systemUTC());
  }

  private static IngestResult file(Ingestor in, String sample) {
    return in.ingest(Samples.bytes(sample), new Source(Source.Kind.FILE, sample, Instant.now()));
  }

  @ParameterizedTest
  @EnumSource(StoreLocation.Engine.class)
  void ingest_storesEachReportOnceAndRoutesByDomain(StoreLocation.Engine engine) throws Exception {
    try (Store s = open(engine)) {
      DirectorySql.addClient(s, "Example Co", List.of("example.com"));
      Ingestor in = ingestor(s, ParseLimits.defaults());
      IngestResult first = file(in, "extract_report/nice-input.xml");
      assertThat(first.reports()).isEqualTo(1);
      // The same bytes again: a no-op. The same report zipped or gzipped: a duplicate.
      assertThat(file(in, "extract_report/nice-input.xml").alreadyArchived()).isTrue();
      assertThat(file(in, "extract_report/nice-input.xml.gz").duplicates()).isEqualTo(1);
      assertThat(file(in, "extract_report/nice-input.xml.zip").duplicates()).isEqualTo(1);
      file(in, "aggregate/rfc9990-example.net!example.com!1700000000!1700086399.xml");
      file(in, "aggregate/ikea.com!example.de!1538690400!1538776800.xml");
      file(in, "failure/dmarc_ruf_report_linkedin.eml");
      file(in, "failure/dmarc_ruf_report_linkedin.crlf.eml");
      file(in, "smtp_tls/rfc8460.json");
      file(in, "empty.xml");

      StoreStatus st = StatusSql.status(s);
      assertThat(st.rawMessages()).isEqualTo(9);
      assertThat(st.reports()).isEqualTo(3);
      assertThat(st.records()).isEqualTo(20 + 2 + 1);
      assertThat(st.messages()).isEqualTo(3047 + 7 + 1);
      assertThat(st.failureReports()).isEqualTo(1);
      assertThat(st.tlsReports()).isEqualTo(1);
      // gz + zip copies, and the LinkedIn report re-sent with CRLF line endings
      assertThat(st.duplicates()).isEqualTo(3);
      assertThat(st.quarantined()).isEqualTo(1);
      // ikea's example.de belongs to nobody: unclaimed, not dropped
      assertThat(st.unclaimed()).isEqualTo(1);
      assertThat(st.lastBySource()).singleElement()
          .satisfies(l -> assertThat(l.sourceKind()).isEqualTo("FILE"));
      // Rollups are in step: example.com's totals per day equal its records' messages.
      List<StatusSql.DayTotal> days = StatusSql.dailyTotals(s, "example.com");
      assertThat(days.stream().mapToLong(d -> d.pass() + d.fail()).sum()).isEqualTo(3047 + 7);
      assertThat(days).extracting(StatusSql.DayTotal::date)
          .containsExactly(LocalDate.parse("2023-11-14"), LocalDate.parse("2024-06-13"));
    }
  }

  @ParameterizedTest
  @EnumSource(StoreLocation.Engine.class)
  void reprocess_storesWhatNowParses(StoreLocation.Engine engine) throws Exception {
    try (Store s = open(engine)) {
      ParseLimits strict = new ParseLimits(1 << 20, 1 << 20, 300, 4, 64, 256, 5, 32, 65536);
      IngestResult r = file(ingestor(s, strict), "extract_report/nice-input.xml");
      assertThat(r.quarantined()).isEqualTo(1);
      assertThat(StatusSql.status(s).quarantined()).isEqualTo(1);
      // "The parser is fixed": the default limits accept 20 records.
      assertThat(ingestor(s, ParseLimits.defaults()).reprocessQuarantine()).isEqualTo(1);
      StoreStatus st = StatusSql.status(s);
      assertThat(st.quarantined()).isZero();
      assertThat(st.reports()).isEqualTo(1);
      assertThat(st.records()).isEqualTo(20);
    }
  }

  @ParameterizedTest
  @EnumSource(StoreLocation.Engine.class)
  void finishPending_completesWhatACrashLeftArchived(StoreLocation.Engine engine) throws Exception {
    try (Store s = open(engine)) {
      byte[] raw = Samples.bytes("extract_report/nice-input.xml.zip");
      // As if the process died after phase 1: archived, not processed.
      s.connection().setAutoCommit(false);
      ArchiveSql.insertAll(s.connection(), s.engine(), Store.DEFAULT_TENANT,
          List.of(Ingestor.sha256(raw)), List.of(raw), List.of("identity"),
          List.of((long) raw.length), List.of(new Source(Source.Kind.SMTP, "smtp from 192.0.2.1", Instant.now())));
      s.connection().commit();
      s.connection().setAutoCommit(true);
      assertThat(StatusSql.status(s).reports()).isZero();
      assertThat(ingestor(s, ParseLimits.defaults()).finishPending()).isEqualTo(1);
      assertThat(StatusSql.status(s).reports()).isEqualTo(1);
      assertThat(ingestor(s, ParseLimits.defaults()).finishPending()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(StoreLocation.Engine.class)
  void open_twiceIsIdempotentAndKeepsData(StoreLocation.Engine engine) throws Exception {
    if (engine == StoreLocation.Engine.DUCKDB) {
      try (Store s = open(engine)) {
        file(ingestor(s, ParseLimits.defaults()), "extract_report/nice-input.xml");
      }
      try (Store s = Store.open(StoreLocation.embedded(dir.resolve("data")))) {
        assertThat(StatusSql.status(s).reports()).isEqualTo(1);
      }
      assertThat(Files.exists(dir.resolve("data/vigie.duckdb"))).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(StoreLocation.Engine.class)
  void open_migratesAnOlderStore_andKnowsEveryBundledMigration(StoreLocation.Engine engine)
      throws Exception {
    String folder = engine == StoreLocation.Engine.DUCKDB ? "duckdb" : "postgresql";
    try (var files = Files.list(Path.of("src/main/resources/db/migration", folder))) {
      // Store skips Flyway when the history holds exactly V1 … V{SCHEMA_VERSION}
      assertThat(files.map(f -> f.getFileName().toString().replaceAll("__.*", "")).sorted())
          .containsExactlyElementsOf(java.util.stream.IntStream
              .rangeClosed(1, Store.SCHEMA_VERSION).mapToObj(v -> "V" + v).sorted().toList());
    }
    try (Store s = open(engine)) {
      // as if the store were one version behind: the next open must run the last migration
      try (var st = s.connection().createStatement()) {
        st.execute("DELETE FROM flyway_schema_history WHERE version = '"
            + Store.SCHEMA_VERSION + "'");
        if (engine == StoreLocation.Engine.DUCKDB) {
          st.execute("CREATE INDEX daily_rollup_by_domain ON daily_rollup"
              + " (tenant_id, domain_name, rollup_date)"); // what V5 drops
        }
      }
      StoreLocation where = s.location();
      s.close();
      try (Store again = Store.open(where);
          var st = again.connection().createStatement();
          var rs = st.executeQuery("SELECT count(*) FROM flyway_schema_history"
              + " WHERE success")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(Store.SCHEMA_VERSION);
      }
    }
  }
}
