package dev.vigie.dns.bimi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.check.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class BimiRecordParserTest {

  private static BimiRecordParser.Result parse(String text) {
    return BimiRecordParser.parse("default._bimi.example.com", text);
  }

  private static List<String> codes(BimiRecordParser.Result r) {
    return r.findings().stream().map(Finding::code).toList();
  }

  @Test
  void parse_logoAndCertificate() {
    BimiRecordParser.Result r = parse("v=BIMI1; l=https://example.com/bimi/logo.svg; "
        + "a=https://example.com/bimi/vmc.pem");
    assertThat(r.findings()).isEmpty();
    BimiRecord record = r.record();
    assertThat(record.logoUrl()).isEqualTo("https://example.com/bimi/logo.svg");
    assertThat(record.authorityUrl()).isEqualTo("https://example.com/bimi/vmc.pem");
    assertThat(record.avatarPreference()).isEqualTo(AvatarPreference.BRAND);
    assertThat(record.declined()).isFalse();
  }

  @Test
  void parse_declination() {
    BimiRecordParser.Result r = parse("v=BIMI1; l=; a=;");
    assertThat(r.findings()).isEmpty();
    assertThat(r.record().declined()).isTrue();
  }

  @Test
  void parse_withoutCertificate() {
    BimiRecordParser.Result r = parse("v=BIMI1;l=https://example.com/logo.svg");
    assertThat(r.findings()).isEmpty();
    assertThat(r.record().authorityUrl()).isNull();
  }

  @Test
  void parse_avpPersonal() {
    BimiRecordParser.Result r = parse("v=BIMI1; l=https://example.com/logo.svg; avp=personal");
    assertThat(r.record().avatarPreference()).isEqualTo(AvatarPreference.PERSONAL);
  }

  @Test
  void parse_avpInvalid() {
    BimiRecordParser.Result r = parse("v=BIMI1; l=https://example.com/logo.svg; avp=logo");
    assertThat(r.record()).isNull();
    assertThat(codes(r)).containsExactly("bimi.avp-invalid");
  }

  @Test
  void parse_httpLogoRejected() {
    BimiRecordParser.Result r = parse("v=BIMI1; l=http://example.com/logo.svg");
    assertThat(r.record()).isNull();
    assertThat(codes(r)).containsExactly("bimi.logo-url-invalid");
    assertThat(r.findings().get(0).detail()).contains("https://");
  }

  @Test
  void parse_twoLogoUrlsRejected() {
    BimiRecordParser.Result r =
        parse("v=BIMI1; l=https://example.com/a.svg,https://example.com/b.svg");
    assertThat(codes(r)).containsExactly("bimi.logo-url-invalid");
  }

  @Test
  void parse_authorityNotHttps() {
    BimiRecordParser.Result r =
        parse("v=BIMI1; l=https://example.com/logo.svg; a=ftp://example.com/vmc.pem");
    assertThat(codes(r)).containsExactly("bimi.authority-url-invalid");
  }

  @Test
  void parse_logoTagMissing() {
    assertThat(codes(parse("v=BIMI1; a=https://example.com/vmc.pem")))
        .containsExactly("bimi.logo-url-missing");
  }

  @Test
  void parse_versionNotFirst() {
    BimiRecordParser.Result r = parse("l=https://example.com/logo.svg; v=BIMI1");
    assertThat(r.record()).isNull();
    assertThat(codes(r)).containsExactly("bimi.version-invalid");
  }

  @Test
  void parse_versionWrong() {
    assertThat(codes(parse("v=bimi1; l=https://example.com/logo.svg")))
        .containsExactly("bimi.version-invalid");
  }

  @Test
  void parse_duplicateTagInvalidatesRecord() {
    BimiRecordParser.Result r =
        parse("v=BIMI1; l=https://example.com/a.svg; l=https://example.com/b.svg");
    assertThat(r.record()).isNull();
    assertThat(codes(r)).containsExactly("bimi.duplicate-tag");
  }

  @Test
  void parse_unknownTagIsWarning() {
    BimiRecordParser.Result r = parse("v=BIMI1; l=https://example.com/logo.svg; s=brand");
    assertThat(r.record().extensions()).containsExactly("s");
    assertThat(codes(r)).containsExactly("bimi.unknown-tag");
  }

  @Test
  void parse_badTagName() {
    BimiRecordParser.Result r = parse("v=BIMI1; l=https://example.com/logo.svg; 2x=y");
    assertThat(r.record()).isNull();
    assertThat(codes(r)).containsExactly("bimi.syntax-error");
  }

  @Test
  void parse_emptyTagIsSyntaxError() {
    assertThat(codes(parse("v=BIMI1;; l=https://example.com/logo.svg")))
        .containsExactly("bimi.syntax-error");
  }
}
