package dev.vigie.report.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.report.InvalidReportException;
import dev.vigie.report.ParseLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AggregateParserEdgeCasesTest {
  private final AggregateParser parser = new AggregateParser(ParseLimits.defaults());

  static String report(String records) {
    return """
        <feedback><report_metadata><org_name>Example &amp; Co</org_name>
        <email>dmarc@example.org</email><report_id>r-1</report_id>
        <date_range><begin>1700000000</begin><end>1700086399</end></date_range></report_metadata>
        <policy_published><domain>Example.COM</domain><p>reject</p></policy_published>
        """ + records + "</feedback>";
  }

  static String record(String ip, String count) {
    return "<record><row><source_ip>" + ip + "</source_ip><count>" + count + "</count>"
        + "<policy_evaluated><disposition>reject</disposition><dkim>fail</dkim><spf>fail</spf>"
        + "</policy_evaluated></row><identifiers><header_from>example.com</header_from>"
        + "</identifiers><auth_results><spf><domain>evil.test</domain><result>fail</result>"
        + "</spf></auth_results></record>";
  }

  private AggregateReport parse(String xml) {
    return parser.parse(xml.getBytes(StandardCharsets.UTF_8), "test.xml");
  }

  @Test
  void parse_dateRangeOfCenturies_keepsCountsWholeInsteadOfARecordPerDay() {
    // found by the fuzzer: an end date in the year 489,000 made ~178 million records per record
    String xml = report(record("192.0.2.1", "7") + record("192.0.2.2", "5"))
        .replace("<end>1700086399</end>", "<end>15384136313632</end>");
    AggregateReport r = parse(xml);
    assertThat(r.records()).hasSize(2).extracting(AggregateRecord::count).containsExactly(7L, 5L);
    assertThat(r.records()).noneMatch(AggregateRecord::normalizedTimespan);
    assertThat(r.warnings()).anyMatch(w -> w.contains("kept whole"));
  }

  @Test
  void parse_monthlyReport_isStillSplitPerDay() {
    String xml = report(record("192.0.2.1", "31"))
        .replace("<end>1700086399</end>", "<end>" + (1700000000L + 30 * 86_400) + "</end>");
    AggregateReport r = parse(xml);
    assertThat(r.records()).hasSizeGreaterThan(28).allMatch(AggregateRecord::normalizedTimespan);
    assertThat(r.records().stream().mapToLong(AggregateRecord::count).sum()).isEqualTo(31);
  }

  @Test
  void parse_entitiesAndDefaults() {
    AggregateReport r = parse(report(record("2001:DB8::1", "3")));
    assertThat(r.metadata().orgName()).isEqualTo("Example & Co");
    assertThat(r.policy().domain()).isEqualTo("example.com");
    assertThat(r.policy().sp()).isEqualTo("reject");
    assertThat(r.policy().adkim()).isEqualTo("r");
    AggregateRecord rec = r.records().get(0);
    assertThat(rec.sourceIp()).isEqualTo("2001:db8::1");
    assertThat(rec.envelopeFrom()).isEqualTo("evil.test");
    assertThat(rec.dmarcPass()).isFalse();
  }

  @Test
  void parse_doctypeWithExternalEntityIsRefused(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE feedback [<!ENTITY x SYSTEM \"file://"
        + secret + "\">]>" + report(record("192.0.2.1", "1")).replace("r-1", "&x;");
    assertThatThrownBy(() -> parse(xxe)).isInstanceOf(InvalidReportException.class)
        .hasMessageContaining("DOCTYPE").hasMessageNotContaining("TOP-SECRET");
  }

  @Test
  void parse_billionLaughsIsRefused() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for (int i = 1; i < 10; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"");
      dtd.append(("&lol" + (i - 1 == 0 ? "" : i - 1) + ";").repeat(10)).append("\">");
    }
    dtd.append("]>");
    String xml = dtd + report(record("192.0.2.1", "1")).replace("r-1", "&lol9;");
    assertThatThrownBy(() -> parse(xml)).isInstanceOf(InvalidReportException.class)
        .hasMessageContaining("DOCTYPE");
  }

  @Test
  void parse_undeclaredEntityIsKeptAsWritten() {
    AggregateReport r = parse(report(record("192.0.2.1", "1")).replace("r-1", "r&nbsp;1"));
    assertThat(r.metadata().reportId()).isEqualTo("r&nbsp;1");
    assertThat(r.warnings()).anyMatch(w -> w.contains("&nbsp;"));
  }

  @Test
  void parse_truncatedReportIsRefused() {
    String xml = report(record("192.0.2.1", "1") + record("192.0.2.2", "1"));
    String cut = xml.substring(0, xml.lastIndexOf("<record>") + 40);
    assertThatThrownBy(() -> parse(cut)).isInstanceOf(InvalidReportException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void parse_deepNestingIsRefused() {
    String xml = report("<x>".repeat(100) + "</x>".repeat(100));
    assertThatThrownBy(() -> parse(xml)).isInstanceOf(InvalidReportException.class)
        .hasMessageContaining("nested deeper");
  }

  @Test
  void parse_overlongFieldIsRefused() {
    String xml = report(record("192.0.2.1", "1")).replace("r-1", "x".repeat(70_000));
    assertThatThrownBy(() -> parse(xml)).isInstanceOf(InvalidReportException.class)
        .hasMessageContaining("report_id").hasMessageContaining("limit");
  }

  @Test
  void parse_tooManyRecordsIsRefused() {
    ParseLimits small = new ParseLimits(1 << 20, 1 << 20, 100, 4, 4, 4, 2, 32, 1000);
    String xml = report(record("192.0.2.1", "1").repeat(3));
    assertThatThrownBy(() -> new AggregateParser(small).parse(xml.getBytes(), "t"))
        .hasMessageContaining("more than 2 records");
  }

  @Test
  void parse_nonsenseValuesSkipTheRecordWithAReason() {
    AggregateReport r = parse(report(record("not-an-ip", "1") + record("192.0.2.9", "-4")
        + record("192.0.2.10", "lots") + record("192.0.2.11", "5")));
    assertThat(r.records()).extracting(AggregateRecord::sourceIp).containsExactly("192.0.2.11");
    assertThat(r.warnings()).anyMatch(w -> w.contains("invalid source_ip \"not-an-ip\""))
        .anyMatch(w -> w.contains("negative count"))
        .anyMatch(w -> w.contains("invalid count \"lots\""));
  }

  @Test
  void parse_notAFeedbackDocument() {
    assertThatThrownBy(() -> parse("<html><body>hello</body></html>"))
        .hasMessageContaining("root is <html>");
  }

  @Test
  void parse_utf16WithBomAndLatin1Declared() {
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + report(record("192.0.2.1", "1"))
        .replace("Example &amp; Co", "Société");
    byte[] utf16 = ("\uFEFF" + xml).getBytes(StandardCharsets.UTF_16BE);
    assertThat(parser.parse(utf16, "u16").metadata().orgName()).isEqualTo("Société");
    String latin = xml.replace("UTF-16", "ISO-8859-1");
    assertThat(parser.parse(latin.getBytes(StandardCharsets.ISO_8859_1), "l1").metadata().orgName())
        .isEqualTo("Société");
  }

  @Test
  void parse_declaredEncodingInItsVariousSpellings() {
    String body = report(record("192.0.2.1", "1")).replace("Example &amp; Co", "Société");
    byte[] latin;
    for (String decl : new String[] {
        "<?xml version='1.0' encoding='iso-8859-1'?>",
        "  \n<?xml version=\"1.0\"\tencoding = \"ISO-8859-1\" standalone=\"yes\"?>",
        "<?xml version=\"1.0\"  encoding=\"windows-1252\"?>"}) {
      latin = (decl + body).getBytes(StandardCharsets.ISO_8859_1);
      assertThat(parser.parse(latin, "l1").metadata().orgName()).as(decl).isEqualTo("Société");
    }
    // no declaration, or one past the first '>', or an unknown name: read as UTF-8
    String utf8 = "<?xml version=\"1.0\"?><!-- encoding=\"ISO-8859-1\" -->" + body;
    assertThat(parse(utf8).metadata().orgName()).isEqualTo("Société");
    AggregateReport unknown = parse("<?xml version=\"1.0\" encoding=\"x-klingon\"?>" + body);
    assertThat(unknown.metadata().orgName()).isEqualTo("Société");
    assertThat(unknown.warnings()).contains("unknown declared encoding \"x-klingon\"; read as UTF-8");
  }

  @Test
  void parse_utf8BomCdataAndComments() {
    String xml = "\uFEFF" + report("<!-- note -->" + record("192.0.2.1", "<![CDATA[7]]>"));
    AggregateReport r = parse(xml);
    assertThat(r.records().get(0).count()).isEqualTo(7);
    assertThat(r.warnings()).anyMatch(w -> w.contains("byte-order mark"));
  }

  @Test
  void parse_mismatchedEndTagsAreRepaired() {
    String xml = report(record("192.0.2.1", "1").replace("</header_from>", "")
        + record("192.0.2.2", "2"));
    AggregateReport r = parse(xml);
    assertThat(r.records()).extracting(AggregateRecord::sourceIp)
        .containsExactly("192.0.2.1", "192.0.2.2");
  }
}
