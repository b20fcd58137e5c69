package dev.vigie.dns.dmarc;

import static dev.vigie.dns.dmarc.DmarcParserTest.codes;
import static dev.vigie.dns.dmarc.DmarcParserTest.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportUrisTest {

  private static final DmarcParser BIS = new DmarcParser(DmarcMode.RFC9989);
  private static final DmarcParser LEGACY = new DmarcParser(DmarcMode.RFC7489);

  private static DmarcParseResult rua(DmarcParser parser, String value) {
    return parser.parse("v=DMARC1; p=reject; rua=" + value);
  }

  @Test
  void parse_sizeSuffix_readIn7489() {
    DmarcParseResult r = rua(LEGACY, "mailto:d@example.com!10m, mailto:e@example.com!500");
    assertThat(r.findings()).isEmpty();
    assertThat(r.record().aggregateUris()).extracting(ReportUri::maxSizeBytes)
        .containsExactly(10L * 1024 * 1024, 500L);
    assertThat(r.record().aggregateUris().get(0).uri()).isEqualTo("mailto:d@example.com");
  }

  @Test
  void parse_sizeSuffix_obsoleteIn9989() {
    DmarcParseResult r = rua(BIS, "mailto:d@example.com!10m");
    assertThat(codes(r)).containsExactly("dmarc.uri-size-obsolete");
    assertThat(r.record().aggregateUris()).containsExactly(
        new ReportUri("mailto:d@example.com", "mailto", "example.com", null));
  }

  @Test
  void parse_badSizeSuffix_invalid() {
    assertThat(codes(rua(LEGACY, "mailto:d@example.com!lots"))).containsExactly(
        "dmarc.invalid-uri");
  }

  @Test
  void parse_httpsAndQueryAndPercentEncoding_accepted() {
    DmarcParseResult r = rua(BIS, "https://reports.example.net:8443/in,"
        + "mailto:dmarc%40example.org?subject=dmarc");
    assertThat(r.findings()).isEmpty();
    assertThat(r.record().aggregateUris()).extracting(ReportUri::domain)
        .containsExactly("reports.example.net", "example.org");
  }

  @Test
  void parse_missingScheme_invalidWithHint() {
    DmarcParseResult r = rua(BIS, "dmarc@example.com");
    assertThat(only(r, "dmarc.invalid-uri").detail()).contains("Write it as "
        + "mailto:dmarc@example.com");
    assertThat(r.record().aggregateUris()).isEmpty();
  }

  @Test
  void parse_malformedAddresses_invalid() {
    for (String bad : List.of("mailto:", "mailto:nobody", "mailto:a@b@example.com",
        "mailto:a@-bad-.example", "mailto:a@localhost", "mailto:a b@example.com",
        "mailto:a@example.com%zz", "https:/x.example.com", "https://user@x.example.com/",
        "https://x.example.com:99999/")) {
      assertThat(codes(rua(BIS, bad))).as(bad).containsExactly("dmarc.invalid-uri");
    }
  }

  @Test
  void parse_otherScheme_unsupported() {
    DmarcParseResult r = rua(BIS, "http://x.example.com/, ftp://x.example.com/");
    assertThat(codes(r)).containsExactly("dmarc.unsupported-uri-scheme",
        "dmarc.unsupported-uri-scheme");
    assertThat(r.record().aggregateUris()).isEmpty();
  }

  @Test
  void parse_moreThanTwoUris_warned() {
    DmarcParseResult r = rua(BIS, "mailto:a@example.com,mailto:b@example.com,mailto:c@example.com");
    assertThat(codes(r)).containsExactly("dmarc.too-many-uris");
    assertThat(r.record().aggregateUris()).hasSize(3);
  }

  @Test
  void parse_hostileUriList_bounded() {
    DmarcParseResult r = rua(BIS, "mailto:a@example.com,".repeat(2_500));
    assertThat(r.record().aggregateUris()).hasSize(ReportUris.MAX_URIS);
    assertThat(only(r, "dmarc.too-many-uris").detail()).contains("more than 20");
  }
}
