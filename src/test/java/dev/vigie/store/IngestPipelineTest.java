package dev.vigie.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.ingest.Source;
import dev.vigie.report.ParseLimits;
import dev.vigie.report.extract.ReportExtractor;
import dev.vigie.testing.BothEngines;
import dev.vigie.testing.Samples;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bulk path on both engines: rows rendered on worker threads and loaded with COPY keep every
 * character, records carry their sending service and class, rollups add up to the records, and the
 * pipelined {@link Ingestor#ingestAll} dedupes across batches and reports unreadable input.
 */
class IngestPipelineTest {
  @TempDir Path dir;


  private Store open(StoreLocation.Engine engine) throws Exception {
    return BothEngines.open(engine, dir);
  }

  private static Ingestor ingestor(Store s) {
    return new Ingestor(s, new ReportExtractor(ParseLimits.defaults()), Clock.systemUTC());
  }

  /** An aggregate report whose text fields hold everything CSV and COPY treat specially. */
  private static byte[] awkwardReport(String reportId) {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feedback>
          <report_metadata>
            <org_name>Acme, "Mail" \\N back\\slash Été</org_name>
            <email>dmarc@acme.example</email>
            <report_id>%s</report_id>
            <date_range><begin>1718236800</begin><end>1718323199</end></date_range>
          </report_metadata>
          <policy_published><domain>example.com</domain><p>none</p></policy_published>
          <record>
            <row>
              <source_ip>192.0.2.7</source_ip><count>3</count>
              <policy_evaluated><disposition>none</disposition><dkim>fail</dkim><spf>fail</spf></policy_evaluated>
            </row>
            <identifiers><header_from>example.com</header_from><envelope_from></envelope_from></identifiers>
            <auth_results>
              <dkim><domain>x,y.example</domain><selector>s"1</selector><result>fail</result></dkim>
              <spf><domain>\\N</domain><result>fail</result></spf>
            </auth_results>
          </record>
        </feedback>
        """.formatted(reportId);
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @EnumSource(StoreLocation.Engine.class)
  void copy_keepsEveryCharacter(StoreLocation.Engine engine) throws Exception {
    try (Store s = open(engine)) {
      assertThat(ingestor(s).ingest(awkwardReport("id,with \"quotes\"\nand a line"),
          new Source(Source.Kind.FILE, "awkward.xml", Instant.now())).reports()).isEqualTo(1);
      try (PreparedStatement ps = s.connection().prepareStatement("SELECT r.org_name,"
          + " r.report_id, d.dkim_domains, d.dkim_selectors, d.spf_domains, d.envelope_from,"
          + " d.message_count FROM aggregate_report r JOIN aggregate_record d"
          + " ON d.tenant_id = r.tenant_id AND d.report_seq = r.report_seq");
          ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("Acme, \"Mail\" \\N back\\slash Été");
        assertThat(rs.getString(2)).isEqualTo("id,with \"quotes\"\nand a line");
        assertThat(rs.getString(3)).isEqualTo("x,y.example");
        assertThat(rs.getString(4)).isEqualTo("s\"1");
        assertThat(rs.getString(5)).isEqualTo("\\n"); // domains are lower-cased; not null
        assertThat(rs.getLong(7)).isEqualTo(3);
        assertThat(rs.next()).isFalse();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(StoreLocation.Engine.class)
  void records_carryTheirServiceAndClass_andRollupsAddUp(StoreLocation.Engine engine)
      throws Exception {
    try (Store s = open(engine)) {
      Ingestor in = ingestor(s);
      for (String sample : List.of("extract_report/nice-input.xml",
          "aggregate/ikea.com!example.de!1538690400!1538776800.xml",
          "aggregate/rfc9990-example.net!example.com!1700000000!1700086399.xml")) {
        in.ingest(Samples.bytes(sample), new Source(Source.Kind.FILE, sample, Instant.now()));
      }
      Map<String, Long> byClass = new LinkedHashMap<>();
      try (PreparedStatement ps = s.connection().prepareStatement("SELECT source_class,"
          + " class_rule, sender_id, dmarc_pass, message_count, source_ip FROM aggregate_record"
          + " ORDER BY report_seq, record_no");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String cls = rs.getString(1);
          assertThat(cls).isNotNull();
          assertThat(rs.getString(2)).isNotNull();
          // DMARC pass is always "authorised and passing", by the classifier's first rule
          assertThat(cls.equals("AUTHORISED_PASSING")).isEqualTo(rs.getBoolean(4));
          byClass.merge(cls, rs.getLong(5), Long::sum);
          if (rs.getString(6).equals("209.85.220.41")) {
            // Google's outbound server signing for example.com: the DKIM pass names no service,
            // the class is what matters
            assertThat(cls).isEqualTo("AUTHORISED_PASSING");
          }
        }
      }
      assertThat(byClass).isNotEmpty();
      Map<String, Long> rolled = new LinkedHashMap<>();
      try (PreparedStatement ps = s.connection().prepareStatement("SELECT source_class,"
          + " SUM(message_total) FROM daily_rollup GROUP BY source_class");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rolled.put(rs.getString(1), rs.getLong(2));
        }
      }
      assertThat(rolled).isEqualTo(byClass);
      Map<String, Long> byDay = new LinkedHashMap<>();
      try (PreparedStatement ps = s.connection().prepareStatement("SELECT source_class,"
          + " SUM(message_total), SUM(pass_total) FROM domain_day GROUP BY source_class");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byDay.put(rs.getString(1), rs.getLong(2));
          // only the passing class passes
          assertThat(rs.getLong(3)).isEqualTo(
              rs.getString(1).equals("AUTHORISED_PASSING") ? rs.getLong(2) : 0);
        }
      }
      assertThat(byDay).isEqualTo(byClass);
      assertThat(StatusSql.status(s).messages())
          .isEqualTo(byClass.values().stream().mapToLong(Long::longValue).sum());
    }
  }

  /**
   * The rollups' deltas, summed per report on the workers, hold exactly what grouping the stored
   * records in SQL gives, key by key: every aggregate sample (multi-day reports split per day,
   * several reporters for one domain), in batches of 7 reports.
   */
  @ParameterizedTest
  @EnumSource(StoreLocation.Engine.class)
  void rollups_equalTheRecordsGroupedInSql(StoreLocation.Engine engine) throws Exception {
    try (Store s = open(engine)) {
      List<Ingestor.ItemReader> readers = new ArrayList<>();
      try (var files = java.nio.file.Files.list(Samples.path("aggregate"))) {
        for (Path f : files.sorted().toList()) {
          readers.add(() -> item(java.nio.file.Files.readAllBytes(f), f.toString()));
        }
      }
      Ingestor.Totals t = ingestor(s).ingestAll(readers.iterator(), 7, 32L << 20, p -> { });
      assertThat(t.reports()).isGreaterThan(10);
      String days = " CAST(interval_begin AS DATE)";
      String byNine = " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9";
      assertThat(rows(s, "SELECT tenant_id, domain_name, rollup_date, source_ip, disposition,"
          + " dkim_eval, spf_eval, sender_id, source_class, SUM(message_total) FROM daily_rollup"
          + byNine))
          .hasSizeGreaterThan(20)
          .isEqualTo(rows(s, "SELECT tenant_id, policy_domain," + days + ", source_ip,"
              + " disposition, dkim_eval, spf_eval, sender_id, source_class, SUM(message_count)"
              + " FROM aggregate_record" + byNine));
      String byFour = " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4";
      assertThat(rows(s, "SELECT tenant_id, domain_name, rollup_date, source_class,"
          + " SUM(message_total), SUM(pass_total) FROM domain_day" + byFour))
          .isEqualTo(rows(s, "SELECT tenant_id, policy_domain," + days + ", source_class,"
              + " SUM(message_count), SUM(CASE WHEN dmarc_pass THEN message_count ELSE 0 END)"
              + " FROM aggregate_record" + byFour));
    }
  }

  private static List<List<String>> rows(Store s, String sql) throws Exception {
    List<List<String>> out = new ArrayList<>();
    try (PreparedStatement ps = s.connection().prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(String.valueOf(rs.getObject(i)));
        }
        out.add(row);
      }
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(StoreLocation.Engine.class)
  void ingestAll_dedupesAcrossBatches_andReportsUnreadableInput(StoreLocation.Engine engine)
      throws Exception {
    try (Store s = open(engine)) {
      byte[] plain = Samples.bytes("extract_report/nice-input.xml");
      List<Ingestor.ItemReader> readers = new ArrayList<>();
      readers.add(() -> item(plain, "a.xml"));
      readers.add(() -> item(awkwardReport("r1"), "b.xml"));
      readers.add(() -> {
        throw new IOException("c.xml: cannot be read (gone)");
      });
      readers.add(() -> item(awkwardReport("r2"), "d.xml"));
      readers.add(() -> item(gzip(plain), "a.xml.gz")); // the same report in other bytes
      readers.add(() -> item(plain, "a-again.xml")); // the same bytes
      readers.add(() -> item("not a report".getBytes(StandardCharsets.UTF_8), "e.txt"));
      List<String> problems = new ArrayList<>();
      Ingestor.Totals t = ingestor(s).ingestAll(readers.iterator(), 2, 1 << 20, problems::add);
      assertThat(problems).containsExactly("c.xml: cannot be read (gone)");
      assertThat(t).isEqualTo(new Ingestor.Totals(6, 3, 1, 1, 1, 1, 20 + 1 + 1));
      StoreStatus st = StatusSql.status(s);
      assertThat(st.reports()).isEqualTo(3);
      assertThat(st.duplicates()).isEqualTo(1);
      assertThat(st.quarantined()).isEqualTo(1);
      assertThat(st.rawMessages()).isEqualTo(5);
      assertThat(st.records()).isEqualTo(20 + 1 + 1);
    }
  }

  @ParameterizedTest
  @EnumSource(StoreLocation.Engine.class)
  void ingestAll_sameBytesInTheNextBatch_areAlreadyStoredNotADuplicate(
      StoreLocation.Engine engine) throws Exception {
    try (Store s = open(engine)) {
      byte[] plain = Samples.bytes("extract_report/nice-input.xml");
      // one file per batch: the copy's batch is archived before the first one is stored
      List<Ingestor.ItemReader> readers = List.of(() -> item(plain, "a.xml"),
          () -> item(plain, "copy-of-a.xml"), () -> item(plain, "another-copy.xml"));
      Ingestor.Totals t = ingestor(s).ingestAll(readers.iterator(), 1, 1 << 20, p -> { });
      assertThat(t).isEqualTo(new Ingestor.Totals(3, 1, 0, 0, 2, 0, 20));
      StoreStatus st = StatusSql.status(s);
      assertThat(st.reports()).isEqualTo(1);
      assertThat(st.duplicates()).isZero();
      assertThat(st.rawMessages()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(StoreLocation.Engine.class)
  void selectorsSeenInReports_mostMessagesFirst(StoreLocation.Engine engine) throws Exception {
    try (Store s = open(engine)) {
      Ingestor in = ingestor(s);
      in.ingest(Samples.bytes("extract_report/nice-input.xml"),
          new Source(Source.Kind.FILE, "nice-input.xml", Instant.now()));
      in.ingest(awkwardReport("r9"), new Source(Source.Kind.FILE, "awkward.xml", Instant.now()));
      // nice-input.xml (June 2024): example.com signs with "google" (2,613 messages) and
      // "awbr2…" (413); amazonses.com's selector is not example.com's. The awkward report's
      // signature is for another domain (x,y.example), so it names none for example.com
      assertThat(SelectorSql.seen(s, "Example.com", 365 * 100, 20))
          .containsExactly("google", "awbr2rp4egb35wbg4umq4e5dcoe5kc4n");
      assertThat(SelectorSql.seen(s, "example.com", 90, 20)).isEmpty(); // too old
      assertThat(SelectorSql.seen(s, "other.example", 365 * 100, 20)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(StoreLocation.Engine.class)
  void reverseDns_isStoredWithTheRecord(StoreLocation.Engine engine) throws Exception {
    dev.vigie.dns.StubDnsClient zone = new dev.vigie.dns.StubDnsClient()
        .add("7.2.0.192.in-addr.arpa", dev.vigie.dns.RecordType.PTR,
            "mail-am6eur05on2045.outbound.protection.outlook.com.")
        .add("mail-am6eur05on2045.outbound.protection.outlook.com", dev.vigie.dns.RecordType.A,
            "192.0.2.7");
    dev.vigie.dns.DnsClient dns = new dev.vigie.dns.DnsClient() {
      @Override
      public synchronized dev.vigie.dns.DnsAnswer lookup(String name,
          dev.vigie.dns.RecordType type) {
        return zone.lookup(name, type); // the stub is not thread-safe
      }
    };
    try (Store s = open(engine);
        dev.vigie.enrich.SourceEnricher enricher = new dev.vigie.enrich.SourceEnricher(
            dev.vigie.enrich.EnrichOptions.defaults(), dns, dev.vigie.enrich.IpDatabase.none(),
            dev.vigie.enrich.SenderCatalogue.bundled(),
            dev.vigie.dns.psl.PublicSuffixes.bundled())) {
      new Ingestor(s, new ReportExtractor(ParseLimits.defaults()), Clock.systemUTC(), enricher)
          .ingest(awkwardReport("ptr"), new Source(Source.Kind.FILE, "a.xml", Instant.now()));
      try (PreparedStatement ps = s.connection().prepareStatement(
          "SELECT reverse_dns, sender_id FROM aggregate_record");
          ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("mail-am6eur05on2045.outbound.protection.outlook.com");
        assertThat(rs.getString(2)).isEqualTo("microsoft365");
      }
    }
  }

  private static Ingestor.Item item(byte[] raw, String name) {
    return new Ingestor.Item(raw, new Source(Source.Kind.FILE, name, Instant.now()));
  }

  private static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    }
    return out.toByteArray();
  }
}
