package dev.vigie.report.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.report.InvalidReportException;
import dev.vigie.report.ParseLimits;
import dev.vigie.testing.Samples;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Every raw XML sample in shared/samples parses to the values it holds. */
class AggregateParserSamplesTest {
  private final AggregateParser parser = new AggregateParser(ParseLimits.defaults());

  private AggregateReport parse(String sample) {
    return parser.parse(Samples.bytes(sample), sample);
  }

  @Test
  void parse_emptyOrgNameTakenFromEmail() {
    AggregateReport r = parse("aggregate/!example.com!1538204542!1538463818.xml");
    assertThat(r.xmlSchema()).isEqualTo("draft");
    assertThat(r.metadata().orgName()).isEqualTo("accurateplastics.com");
    assertThat(r.metadata().orgEmail()).isEqualTo("administrator@accurateplastics.com");
    assertThat(r.metadata().reportId()).isEqualTo("example.com:1538463741");
    assertThat(r.metadata().begin()).isEqualTo(Instant.parse("2018-10-01T17:07:12Z"));
    assertThat(r.metadata().end()).isEqualTo(r.metadata().begin());
    assertThat(r.policy().p()).isEqualTo("none");
    assertThat(r.policy().sp()).isEqualTo("reject");
    assertThat(r.records()).singleElement().satisfies(rec -> {
      assertThat(rec.sourceIp()).isEqualTo("12.20.127.122");
      assertThat(rec.count()).isEqualTo(1);
      assertThat(rec.envelopeFrom()).isNull();
      assertThat(rec.spf()).singleElement().satisfies(s -> {
        assertThat(s.domain()).isEmpty();
        assertThat(s.scope()).isEqualTo("mfrom");
        assertThat(s.result()).isEqualTo("none");
      });
    });
    assertThat(r.warnings()).anyMatch(w -> w.contains("org_name is empty"));
  }

  @Test
  void parse_largeReportKeepsEveryRecord() {
    AggregateReport r = parse("aggregate/!large-example.com!1711897200!1711983600.xml");
    assertThat(r.records()).hasSize(2286);
    assertThat(r.messageCount()).isEqualTo(2286);
    assertThat(r.records()).extracting(AggregateRecord::sourceIp).doesNotHaveDuplicates();
    assertThat(r.records().get(0).sourceIp()).isEqualTo("12.20.121.1");
    assertThat(r.metadata().begin()).isEqualTo(Instant.parse("2024-03-31T15:00:00Z"));
    assertThat(r.metadata().end()).isEqualTo(Instant.parse("2024-04-01T15:00:00Z"));
    assertThat(r.records()).noneMatch(AggregateRecord::normalizedTimespan);
  }

  @Test
  void parse_smallReporterWithVersionAndFo() {
    AggregateReport r = parse("aggregate/addisonfoods.com!example.com!1536105600!1536191999.xml");
    assertThat(r.xmlSchema()).isEqualTo("1.0");
    assertThat(r.metadata().reportId()).isEqualTo("3ceb5548498640beaeb47327e202b0b9");
    assertThat(r.policy().fo()).isEqualTo("0");
    AggregateRecord rec = r.records().get(0);
    assertThat(rec.sourceIp()).isEqualTo("109.203.100.17");
    assertThat(rec.dkim()).singleElement().satisfies(d -> {
      assertThat(d.domain()).isEqualTo("toptierhighticket.club");
      assertThat(d.selector()).isEqualTo("default");
      assertThat(d.result()).isEqualTo("pass");
    });
    assertThat(rec.dmarcPass()).isFalse();
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void parse_emptyReasonAndEnvelopeTo() {
    AggregateReport r = parse("aggregate/empty_reason.xml");
    assertThat(r.metadata().orgExtraContactInfo()).isEqualTo("https://support.example.org/dmarc");
    AggregateRecord rec = r.records().get(0);
    assertThat(rec.sourceIp()).isEqualTo("198.51.100.123");
    assertThat(rec.count()).isEqualTo(2);
    assertThat(rec.dkimAligned()).isTrue();
    assertThat(rec.spfAligned()).isFalse();
    assertThat(rec.overrides()).singleElement().satisfies(o -> {
      assertThat(o.type()).isEmpty();
      assertThat(o.comment()).isNull();
    });
    assertThat(rec.envelopeTo()).isEqualTo("example.net");
    assertThat(rec.envelopeFrom()).isEqualTo("example.edu");
    assertThat(rec.dkim().get(0).humanResult()).isEqualTo("2048-bit key");
  }

  @Test
  void parse_strayTextAndEmptyAuthResults() {
    AggregateReport r = parse("aggregate/example.net!example.com!1529366400!1529452799.xml");
    assertThat(r.policy().sp()).isEqualTo("none");
    assertThat(r.policy().pct()).isEqualTo("100");
    assertThat(r.records()).singleElement().satisfies(rec -> {
      assertThat(rec.sourceIp()).isEqualTo("199.230.200.36");
      assertThat(rec.dkim()).isEmpty();
      assertThat(rec.spf()).isEmpty();
    });
  }

  @Test
  void parse_unclosedSchemaWrapperIsIgnored() {
    AggregateReport r = parse("aggregate/ikea.com!example.de!1538690400!1538776800.xml");
    assertThat(r.metadata().orgName()).isEqualTo("ikea.com");
    assertThat(r.policy().domain()).isEqualTo("example.de");
    AggregateRecord rec = r.records().get(0);
    assertThat(rec.sourceIp()).isEqualTo("234.234.234.234");
    assertThat(rec.spf().get(0).scope()).isEqualTo("helo");
    assertThat(rec.spf().get(0).domain()).isEqualTo("mailrelay.com");
    assertThat(rec.dkim().get(0).selector()).isEqualTo("none");
    assertThat(r.warnings()).anyMatch(w -> w.contains("<schema>"));
  }

  @Test
  void parse_invalidUtf8IsReplacedWithAWarning() {
    AggregateReport r = parse("aggregate/invalid_utf_8.xml");
    assertThat(r.records().get(0).headerFrom()).startsWith("bad_byte").contains("\uFFFD");
    assertThat(r.warnings()).anyMatch(w -> w.contains("invalid UTF-8 in <header_from>"));
  }

  @Test
  void parse_unescapedLessThanIsReadAsText() {
    AggregateReport r = parse("aggregate/invalid_xml.xml");
    assertThat(r.metadata().orgEmail()).isEqualTo("bad-xml@bad-xml.net");
    assertThat(r.records().get(0).headerFrom()).isEqualTo("bad<xml.net");
    assertThat(r.warnings()).anyMatch(w -> w.contains("unescaped '<'"));
  }

  @Test
  void parse_preRfcDraftSchema() {
    AggregateReport r = parse("aggregate/old_draft_from_wiki.xml");
    assertThat(r.metadata().orgName()).isEqualTo("acme.com");
    assertThat(r.metadata().reportId()).isEqualTo("9391651994964116463");
    assertThat(r.metadata().begin()).isEqualTo(Instant.ofEpochSecond(1335571200));
    AggregateRecord rec = r.records().get(0);
    assertThat(rec.count()).isEqualTo(2);
    assertThat(rec.spfAligned()).isTrue();
    assertThat(rec.envelopeFrom()).isEqualTo("example.com");
  }

  @Test
  void parse_microsoftNamespacesAndCapitalisedOrgName() {
    AggregateReport r = parse("aggregate/protection.outlook.com!example.com!1711756800!1711843200.xml");
    assertThat(r.metadata().orgName()).isEqualTo("outlook.com");
    assertThat(r.metadata().timespanSeconds()).isEqualTo(86_400);
    assertThat(r.records()).singleElement().satisfies(rec -> {
      assertThat(rec.sourceIp()).isEqualTo("100.24.188.149");
      assertThat(rec.envelopeTo()).isEqualTo("hotmail.com");
      assertThat(rec.normalizedTimespan()).isFalse();
    });
  }

  @Test
  void parse_rfc9990WithoutNamespace() {
    AggregateReport r = parse("aggregate/rfc9990-example.net!example.com!1700000000!1700086399.xml");
    assertThat(r.xmlSchema()).isEqualTo("2.0");
    assertThat(r.policy()).isEqualTo(new PolicyPublished("example.com", "s", "s", "reject",
        "quarantine", null, "1", "reject", "y", "treewalk"));
    assertThat(r.records()).hasSize(2);
    assertThat(r.messageCount()).isEqualTo(7);
    AggregateRecord rejected = r.records().get(1);
    assertThat(rejected.sourceIp()).isEqualTo("203.0.113.10");
    assertThat(rejected.disposition()).isEqualTo("reject");
    assertThat(rejected.overrides()).containsExactly(
        new AggregateRecord.PolicyOverride("other", "sender not authorized"));
  }

  @Test
  void parse_rfc9990AppendixSampleWithNamespace() {
    AggregateReport r = parse("aggregate/rfc9990-sample.xml");
    assertThat(r.xmlNamespace()).isEqualTo("urn:ietf:params:xml:ns:dmarc-2.0");
    assertThat(r.metadata().orgName()).isEqualTo("Sample Reporter");
    assertThat(r.metadata().generator()).isEqualTo("Example DMARC Aggregate Reporter v1.2");
    assertThat(r.metadata().begin()).isEqualTo(Instant.parse("1979-08-07T00:00:00Z"));
    assertThat(r.policy().np()).isEqualTo("none");
    assertThat(r.policy().testing()).isEqualTo("n");
    assertThat(r.policy().discoveryMethod()).isEqualTo("treewalk");
    AggregateRecord rec = r.records().get(0);
    assertThat(rec.count()).isEqualTo(123);
    assertThat(rec.disposition()).isEqualTo("pass");
    assertThat(rec.dkim().get(0).selector()).isEqualTo("abc123");
  }

  @Test
  void parse_emptyEnvelopeFromWithNothingToBackfill() {
    AggregateReport r = parse("aggregate/usssa.com!example.com!1538784000!1538870399.xml");
    assertThat(r.records()).extracting(AggregateRecord::sourceIp)
        .containsExactly("12.20.127.40", "199.230.200.36");
    assertThat(r.records()).allSatisfy(rec -> assertThat(rec.envelopeFrom()).isNull());
  }

  @Test
  void parse_reportIdOfAnotherDomain() {
    AggregateReport r = parse("aggregate/veeam.com!example.com!1530133200!1530219600.xml");
    assertThat(r.metadata().reportId()).isEqualTo("sonexushealth.com:1530233361");
    assertThat(r.metadata().orgEmail()).isEqualTo("noreply.it.dmarc@veeam.com");
  }

  @Test
  void parse_capitalisedResultsAndMultiDaySpan() {
    AggregateReport r = parse("aggregate_invalid/report_with_upper_cased_pass.xml");
    assertThat(r.metadata().orgName()).isEqualTo("example.com");
    assertThat(r.metadata().timespanSeconds()).isEqualTo(349_383);
    // One message over 4+ days: the whole count lands on the day holding the largest share.
    assertThat(r.records()).singleElement().satisfies(rec -> {
      assertThat(rec.normalizedTimespan()).isTrue();
      assertThat(rec.intervalBegin()).isEqualTo(Instant.parse("2019-11-29T00:00:00Z"));
      assertThat(rec.dkim().get(0).result()).isEqualTo("pass");
      assertThat(rec.spfEvaluated()).isEqualTo("pass");
    });
    assertThat(r.warnings()).anyMatch(w -> w.contains("lower-cased"));
    assertThat(r.warnings()).anyMatch(w -> w.contains("split across the UTC days"));
  }

  @Test
  void parse_niceInputGoogleReport() {
    AggregateReport r = parse("extract_report/nice-input.xml");
    assertThat(r.metadata().orgName()).isEqualTo("google.com");
    assertThat(r.metadata().reportId()).isEqualTo("11038226378739404135");
    assertThat(r.policy().np()).isEqualTo("none");
    assertThat(r.records()).hasSize(20);
    assertThat(r.messageCount()).isEqualTo(3047);
    AggregateRecord ses = r.records().get(2);
    assertThat(ses.sourceIp()).isEqualTo("54.240.48.90");
    assertThat(ses.count()).isEqualTo(40);
    assertThat(ses.dkim()).extracting(AggregateRecord.DkimResult::domain)
        .containsExactly("example.com", "amazonses.com");
  }

  @Test
  void parse_emptyFileIsRefused() {
    assertThatThrownBy(() -> parse("empty.xml"))
        .isInstanceOf(InvalidReportException.class)
        .hasMessageContaining("not a DMARC aggregate report");
  }
}
