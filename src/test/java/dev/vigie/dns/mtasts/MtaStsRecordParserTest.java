package dev.vigie.dns.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.check.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class MtaStsRecordParserTest {

  private static MtaStsRecordParser.Result parse(String text) {
    return MtaStsRecordParser.parse("_mta-sts.example.com", text);
  }

  private static List<String> codes(MtaStsRecordParser.Result r) {
    return r.findings().stream().map(Finding::code).toList();
  }

  @Test
  void parse_rfc8461Example() {
    // RFC 8461 §3.1: "_mta-sts.example.com.  IN TXT "v=STSv1; id=20160831085700Z;""
    MtaStsRecordParser.Result r = parse("v=STSv1; id=20160831085700Z;");
    assertThat(r.findings()).isEmpty();
    assertThat(r.record().id()).isEqualTo("20160831085700Z");
  }

  @Test
  void parse_idOf32CharactersAccepted() {
    assertThat(parse("v=STSv1; id=" + "a".repeat(32)).record()).isNotNull();
  }

  @Test
  void parse_idOf33CharactersRejected() {
    MtaStsRecordParser.Result r = parse("v=STSv1; id=" + "a".repeat(33));
    assertThat(r.record()).isNull();
    assertThat(codes(r)).containsExactly("mtasts.id-invalid");
  }

  @Test
  void parse_idWithDashRejected() {
    assertThat(codes(parse("v=STSv1; id=2024-06-01"))).containsExactly("mtasts.id-invalid");
  }

  @Test
  void parse_idMissing() {
    MtaStsRecordParser.Result r = parse("v=STSv1;");
    assertThat(r.record()).isNull();
    assertThat(codes(r)).containsExactly("mtasts.id-missing");
  }

  @Test
  void parse_versionWrongCase() {
    assertThat(codes(parse("v=stsv1; id=123"))).containsExactly("mtasts.version-invalid");
  }

  @Test
  void parse_versionWithoutDelimiter() {
    assertThat(codes(parse("v=STSv1 id=123"))).containsExactly("mtasts.version-invalid");
  }

  @Test
  void parse_duplicateId() {
    MtaStsRecordParser.Result r = parse("v=STSv1; id=1; id=2");
    assertThat(r.record()).isNull();
    assertThat(codes(r)).containsExactly("mtasts.duplicate-tag");
  }

  @Test
  void parse_extensionIsWarningOnly() {
    MtaStsRecordParser.Result r = parse("v=STSv1; id=20240601; ext-1=value");
    assertThat(r.record().extensions()).containsExactly("ext-1");
    assertThat(codes(r)).containsExactly("mtasts.unknown-tag");
  }

  @Test
  void parse_spaceInsideValueIsSyntaxError() {
    assertThat(codes(parse("v=STSv1; id=2024 06"))).containsExactly("mtasts.syntax-error",
        "mtasts.id-missing");
  }
}
