package dev.vigie.report.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.report.ParseLimits;
import dev.vigie.report.Report;
import dev.vigie.report.ReportKind;
import dev.vigie.report.aggregate.AggregateRecord;
import dev.vigie.report.aggregate.AggregateReport;
import dev.vigie.report.failure.FailureReport;
import dev.vigie.report.tlsrpt.TlsReport;
import dev.vigie.testing.Samples;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in shared/samples/parsedmarc goes through the extractor, whatever it is wrapped in
 * (raw XML/JSON, gzip, zip, MIME email, mbox), and comes out as the report it holds. The expected
 * values were read from the files themselves (for the zipped/gzipped ones, from the XML inside).
 */
class ReportExtractorSamplesTest {
  private final ReportExtractor extractor = new ReportExtractor(ParseLimits.defaults());

  /** What one aggregate sample must yield. {@code origin} is the full container path. */
  record Aggregate(String file, String origin, String orgName, String reportId, int records,
      String firstIp) {
    @Override
    public String toString() {
      return file;
    }
  }

  static final String BORSCHOW =
      "aggregate/Report domain- borschow.com Submitter- google.com Report-ID- 949348866075514174.eml";
  static final String INFONACOT =
      "aggregate/estadocuenta1.infonacot.gob.mx!example.com!1536853302!1536939702!2940.xml.zip";
  static final String FASTMAIL =
      "aggregate/fastmail.com!example.com!1516060800!1516147199!102675056.xml.gz";

  static List<Aggregate> aggregateSamples() {
    return List.of(
        raw("aggregate/!example.com!1538204542!1538463818.xml", "accurateplastics.com",
            "example.com:1538463741", 1, "12.20.127.122"),
        raw("aggregate/!large-example.com!1711897200!1711983600.xml", "accurateplastics.com",
            "example.com:1711897200", 2286, "12.20.121.1"),
        raw("aggregate/addisonfoods.com!example.com!1536105600!1536191999.xml", "addisonfoods.com",
            "3ceb5548498640beaeb47327e202b0b9", 1, "109.203.100.17"),
        raw("aggregate/empty_reason.xml", "example.org", "20240125141224705995", 1,
            "198.51.100.123"),
        raw("aggregate/example.net!example.com!1529366400!1529452799.xml", "example.net",
            "b043f0e264cf4ea995e93765242f6dfb", 1, "199.230.200.36"),
        raw("aggregate/ikea.com!example.de!1538690400!1538776800.xml", "ikea.com",
            "aggr_report_2018_10_05_5bc7e9b4f3e8a", 1, "234.234.234.234"),
        raw("aggregate/invalid_utf_8.xml", "accurateplastics.com", "example.com:1538463741", 1,
            "12.20.127.122"),
        raw("aggregate/invalid_xml.xml", "veeam.com", "sonexushealth.com:1530233361", 1,
            "199.230.200.36"),
        raw("aggregate/old_draft_from_wiki.xml", "acme.com", "9391651994964116463", 1,
            "72.150.241.94"),
        raw("aggregate/protection.outlook.com!example.com!1711756800!1711843200.xml",
            "outlook.com", "cfeafefe4129445e8c81018bd9177197", 1, "100.24.188.149"),
        raw("aggregate/rfc9990-example.net!example.com!1700000000!1700086399.xml", "example.net",
            "dmarcbis-test-report-001", 2, "198.51.100.1"),
        raw("aggregate/rfc9990-sample.xml", "Sample Reporter", "3v98abbp8ya9n3va8yr8oa3ya", 1,
            "192.0.2.123"),
        raw("aggregate/usssa.com!example.com!1538784000!1538870399.xml", "usssa.com",
            "8953b4d4a4ee4218b6ac0e2cb2667ee1", 2, "12.20.127.40"),
        raw("aggregate/veeam.com!example.com!1530133200!1530219600.xml", "veeam.com",
            "sonexushealth.com:1530233361", 1, "199.230.200.36"),
        raw("aggregate_invalid/report_with_upper_cased_pass.xml", "example.com",
            "aggr_report_example.com_20191202_1638", 1, "23.104.41.189"),
        raw("extract_report/nice-input.xml", "google.com", "11038226378739404135", 20,
            "209.85.220.69"),
        raw("extract_report/changed-input.xml", "fred.com", "11038226378739404135", 20,
            "209.85.220.69"),
        // Containers: the origin names every layer.
        new Aggregate(BORSCHOW, name(BORSCHOW) + " > google.com!borschow.com!1549929600!1550015999.zip"
            + " > google.com!borschow.com!1549929600!1550015999.xml",
            "google.com", "949348866075514174", 1, "92.53.116.102"),
        new Aggregate("aggregate/twilight.eml", "twilight.eml"
            + " > google.com!twlnet.com!1549756800!1549843199.zip"
            + " > google.com!twlnet.com!1549756800!1549843199.xml",
            "google.com", "1627703331531660819", 1, "87.106.127.28"),
        new Aggregate("aggregate/mimecast-weird-gzip.eml", "mimecast-weird-gzip.eml"
            + " > mimecast.org!ab.id.au!1693353600!1693439999!"
            + "157a5fe30ec76f4bc0d8bccfc96c118a167a1280fee7c7465af5115e73082e5e.xml.gz > gunzip",
            "Mimecast", "157a5fe30ec76f4bc0d8bccfc96c118a167a1280fee7c7465af5115e73082e5e", 1,
            "40.93.199.22"),
        new Aggregate(FASTMAIL, name(FASTMAIL) + " > gunzip", "FastMail Pty Ltd", "102675056", 1,
            "104.195.80.20"),
        new Aggregate(INFONACOT, name(INFONACOT) + " > "
            + "estadocuenta1.infonacot.gob.mx!example.com!1536853302!1536939702!2940.xml",
            "XYZ Corporation", "2940", 1, "148.243.137.254"),
        new Aggregate("extract_report/nice-input.xml.gz", "nice-input.xml.gz > gunzip",
            "google.com", "11038226378739404135", 20, "209.85.220.69"),
        new Aggregate("extract_report/nice-input.xml.zip", "nice-input.xml.zip > nice-input.xml",
            "google.com", "11038226378739404135", 20, "209.85.220.69"));
  }

  static final Map<String, ReportKind> OTHER_SAMPLES = Map.of(
      "failure/DMARC Failure Report for domain.de (mail-from=sharepoint@domain.de,"
          + " ip=10.10.10.10).eml", ReportKind.FAILURE,
      "failure/[Netease DMARC Failure Report] Rent Reminder.eml", ReportKind.FAILURE,
      "failure/dmarc_ruf_report_linkedin.eml", ReportKind.FAILURE,
      "failure/dmarc_ruf_report_linkedin.crlf.eml", ReportKind.FAILURE,
      "failure/exim_plain_text_only_no_arf_part.eml", ReportKind.FAILURE,
      "smtp_tls/google.com_smtp_tls_report.eml", ReportKind.SMTP_TLS,
      "smtp_tls/mail.ru.json", ReportKind.SMTP_TLS,
      "smtp_tls/rfc8460.json", ReportKind.SMTP_TLS,
      "smtp_tls/smtp_tls.json", ReportKind.SMTP_TLS);

  private static Aggregate raw(String file, String org, String id, int records, String ip) {
    return new Aggregate(file, name(file), org, id, records, ip);
  }

  private static String name(String relative) {
    return Path.of(relative).getFileName().toString();
  }

  /** Runs a sample through the stream entry point, as the CLI does, named by its file name. */
  private List<ParseOutcome> extract(String relative) {
    List<ParseOutcome> out = new ArrayList<>();
    try (InputStream in = Files.newInputStream(Samples.path(relative))) {
      extractor.extract(name(relative), in, out::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static Report onlyReport(List<ParseOutcome> outcomes) {
    assertThat(outcomes).singleElement().isInstanceOf(ParseOutcome.Parsed.class);
    return ((ParseOutcome.Parsed) outcomes.get(0)).report();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("aggregateSamples")
  void extract_aggregateSample(Aggregate expected) {
    Report report = onlyReport(extract(expected.file()));

    assertThat(report.kind()).isEqualTo(ReportKind.AGGREGATE);
    assertThat(report.origin()).isEqualTo(expected.origin());
    AggregateReport r = (AggregateReport) report;
    assertThat(r.metadata().orgName()).isEqualTo(expected.orgName());
    assertThat(r.metadata().reportId()).isEqualTo(expected.reportId());
    assertThat(r.records()).hasSize(expected.records());
    assertThat(r.records().get(0).sourceIp()).isEqualTo(expected.firstIp());
  }

  @Test
  void extract_everySampleFileIsCovered() {
    List<String> expected = new ArrayList<>();
    aggregateSamples().forEach(a -> expected.add(a.file()));
    expected.addAll(OTHER_SAMPLES.keySet());
    expected.add("empty.xml");
    expected.add("README.md");

    assertThat(allSampleFiles()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void extract_failureSamplesAreFailureReports() {
    OTHER_SAMPLES.forEach((file, kind) -> {
      if (kind != ReportKind.FAILURE) {
        return;
      }
      Report report = onlyReport(extract(file));
      assertThat(report.kind()).as(file).isEqualTo(ReportKind.FAILURE);
      assertThat(report).isInstanceOf(FailureReport.class);
      // The LinkedIn samples start with an mbox "From " postmark, so they are read as a
      // one-message mailbox.
      assertThat(report.origin()).as(file).startsWith(name(file));
    });
  }

  @Test
  void extract_linkedinFailureReportSavedWithPostmarkIsMessageOne() {
    Report report = onlyReport(extract("failure/dmarc_ruf_report_linkedin.eml"));

    assertThat(report.origin()).isEqualTo("dmarc_ruf_report_linkedin.eml > message 1");
  }

  @Test
  void extract_smtpTlsSamplesAreTlsReports() {
    Map<String, String> orgs = new TreeMap<>(Map.of(
        "smtp_tls/google.com_smtp_tls_report.eml", "Google Inc.",
        "smtp_tls/mail.ru.json", "Mail.ru",
        "smtp_tls/rfc8460.json", "Company-X",
        "smtp_tls/smtp_tls.json", "Example Inc."));
    orgs.forEach((file, org) -> {
      assertThat(OTHER_SAMPLES).containsEntry(file, ReportKind.SMTP_TLS);
      Report report = onlyReport(extract(file));
      assertThat(report.kind()).as(file).isEqualTo(ReportKind.SMTP_TLS);
      assertThat(((TlsReport) report).organizationName()).as(file).isEqualTo(org);
      assertThat(report.origin()).as(file).isEqualTo(name(file));
    });
  }

  @Test
  void extract_googleTlsReportEmailUnpacksGzipPart() {
    TlsReport r = (TlsReport) onlyReport(extract("smtp_tls/google.com_smtp_tls_report.eml"));

    assertThat(r.reportId()).isEqualTo("2024-09-03T00:00:00Z_cardinalhealth.ca");
  }

  @Test
  void extract_emptyFileFailsWithReason() {
    List<ParseOutcome> out = extract("empty.xml");

    assertThat(out).singleElement().isEqualTo(new ParseOutcome.Failed("empty.xml",
        "is empty (0 bytes)"));
  }

  @Test
  void extract_niceInputSameReportRawGzipAndZip() {
    AggregateReport xml = (AggregateReport) onlyReport(extract("extract_report/nice-input.xml"));
    AggregateReport gz = (AggregateReport) onlyReport(extract("extract_report/nice-input.xml.gz"));
    AggregateReport zip =
        (AggregateReport) onlyReport(extract("extract_report/nice-input.xml.zip"));

    for (AggregateReport other : List.of(gz, zip)) {
      assertThat(other.metadata()).isEqualTo(xml.metadata());
      assertThat(other.policy()).isEqualTo(xml.policy());
      assertThat(other.records()).containsExactlyElementsOf(xml.records());
      assertThat(other.warnings()).isEqualTo(xml.warnings());
    }
    assertThat(xml.records()).hasSize(20);
    assertThat(xml.messageCount()).isEqualTo(3047);
    assertThat(xml.records()).flatExtracting(AggregateRecord::dkim)
        .extracting(AggregateRecord.DkimResult::domain).contains("amazonses.com");
  }

  @Test
  void extract_byteArrayEntryPointMatchesStream() {
    List<ParseOutcome> out = new ArrayList<>();
    extractor.extract(name(BORSCHOW), Samples.bytes(BORSCHOW), 0, out::add);

    assertThat(out).usingRecursiveFieldByFieldElementComparator().isEqualTo(extract(BORSCHOW));
  }

  @Test
  void extract_mboxOfSampleEmailsReadsEachMessageAndIsolatesBrokenOne() {
    byte[] twilight = Samples.bytes("aggregate/twilight.eml");
    byte[] borschow = Samples.bytes(BORSCHOW);
    byte[] mimecast = Samples.bytes("aggregate/mimecast-weird-gzip.eml");
    byte[] linkedin = Samples.bytes("failure/dmarc_ruf_report_linkedin.eml");
    // An mbox file saved from a mailbox: message 3 lost the second half of its zip attachment.
    byte[] broken = truncateAttachment(borschow);
    ByteArrayOutputStream mbox = new ByteArrayOutputStream();
    appendMessage(mbox, twilight);
    appendMessage(mbox, reportEmailWithQuotedFromLine());
    appendMessage(mbox, broken);
    appendMessage(mbox, mimecast);
    appendMessage(mbox, stripPostmark(linkedin));
    appendMessage(mbox, borschow);

    List<ParseOutcome> out = new ArrayList<>();
    extractor.extract("inbox.mbox", new ByteArrayInputStream(mbox.toByteArray()), out::add);

    assertThat(out).hasSize(6);
    assertThat(out).extracting(ParseOutcome::origin).allMatch(o -> o.startsWith("inbox.mbox > "));
    assertThat(out.get(0).origin()).startsWith("inbox.mbox > message 1 > google.com!twlnet.com");
    assertThat(out.get(1).origin()).isEqualTo("inbox.mbox > message 2 > text/xml");
    assertThat(out.get(3).origin()).startsWith("inbox.mbox > message 4 > mimecast.org!");
    assertThat(out.get(4).origin()).isEqualTo("inbox.mbox > message 5");
    assertThat(out.get(5).origin()).startsWith("inbox.mbox > message 6 > google.com!borschow.com");

    List<ParseOutcome> failed = out.stream().filter(o -> o instanceof ParseOutcome.Failed).toList();
    assertThat(failed).singleElement().satisfies(f -> {
      assertThat(f.origin()).isEqualTo("inbox.mbox > message 3"
          + " > google.com!borschow.com!1549929600!1550015999.zip"
          + " > google.com!borschow.com!1549929600!1550015999.xml");
      assertThat(((ParseOutcome.Failed) f).reason())
          .isEqualTo("the zip member is corrupt or truncated: Unexpected end of ZLIB input stream");
    });
    assertThat(((ParseOutcome.Parsed) out.get(4)).report().kind()).isEqualTo(ReportKind.FAILURE);
    assertThat(reportIds(out)).containsExactly("1627703331531660819", "mbox-quoted-from",
        "157a5fe30ec76f4bc0d8bccfc96c118a167a1280fee7c7465af5115e73082e5e",
        "949348866075514174");
    // mboxrd: the writer quoted the body line "From the postmaster" as ">From ..."; reading
    // undoes exactly one level of quoting.
    AggregateReport quoted = (AggregateReport) ((ParseOutcome.Parsed) out.get(1)).report();
    assertThat(quoted.metadata().orgExtraContactInfo())
        .isEqualTo("From the postmaster\n>From the hostmaster");
  }

  @Test
  void extract_mboxBytesThroughByteArrayEntryPoint() {
    ByteArrayOutputStream mbox = new ByteArrayOutputStream();
    appendMessage(mbox, Samples.bytes("aggregate/twilight.eml"));
    appendMessage(mbox, Samples.bytes("aggregate/mimecast-weird-gzip.eml"));

    List<ParseOutcome> out = new ArrayList<>();
    extractor.extract("inbox.mbox", mbox.toByteArray(), 0, out::add);

    assertThat(out).hasSize(2).allMatch(o -> o instanceof ParseOutcome.Parsed);
    assertThat(out.get(1).origin()).startsWith("inbox.mbox > message 2 > mimecast.org!");
  }

  // --- helpers -------------------------------------------------------------------------------

  private static List<String> allSampleFiles() {
    Path root = Samples.root();
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> reportIds(List<ParseOutcome> outcomes) {
    return outcomes.stream()
        .filter(o -> o instanceof ParseOutcome.Parsed p && p.report() instanceof AggregateReport)
        .map(o -> ((AggregateReport) ((ParseOutcome.Parsed) o).report()).metadata().reportId())
        .toList();
  }

  /** Appends one message mboxrd-style: postmark line, body with "From " lines quoted, blank line. */
  private static void appendMessage(ByteArrayOutputStream mbox, byte[] message) {
    String text = new String(message, StandardCharsets.ISO_8859_1);
    StringBuilder out = new StringBuilder("From MAILER-DAEMON Thu Jan  1 00:00:00 2024\n");
    for (String line : text.split("(?<=\n)")) {
      if (line.matches("(?s)>*From .*")) {
        out.append('>');
      }
      out.append(line);
    }
    if (!text.endsWith("\n")) {
      out.append('\n');
    }
    out.append('\n');
    mbox.writeBytes(out.toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  /** A single-part email whose XML body has lines that an mbox writer must quote. */
  private static byte[] reportEmailWithQuotedFromLine() {
    String xml = new String(Samples.bytes("aggregate/empty_reason.xml"), StandardCharsets.UTF_8)
        .replace("20240125141224705995", "mbox-quoted-from")
        .replace("https://support.example.org/dmarc",
            "\nFrom the postmaster\n>From the hostmaster");
    String mail = """
        From: dmarc@example.org
        To: reports@example.com
        Subject: Report domain: example.com Report-ID: mbox-quoted-from
        Content-Type: text/xml

        """ + xml;
    return mail.getBytes(StandardCharsets.UTF_8);
  }

  /** Keeps the headers and the first half of the base64 zip attachment: a cut-off download. */
  private static byte[] truncateAttachment(byte[] email) {
    String text = new String(email, StandardCharsets.ISO_8859_1);
    int start = text.indexOf("UEsDB"); // base64 of the zip local-header signature
    int end = text.indexOf("\r\n\r\n", start);
    assertThat(start).isPositive();
    assertThat(end).isGreaterThan(start);
    String cut = text.substring(0, start + (end - start) / 2) + text.substring(end);
    return cut.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] stripPostmark(byte[] message) {
    int nl = 0;
    while (message[nl] != '\n') {
      nl++;
    }
    return java.util.Arrays.copyOfRange(message, nl + 1, message.length);
  }
}
