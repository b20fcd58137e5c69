package dev.vigie.dns.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlsRptParserTest {

  private static final String NAME = "_smtp._tls.example.com";

  private static TlsRptParser.Result parse(String text) {
    return TlsRptParser.parse(NAME, text);
  }

  private static List<String> codes(TlsRptParser.Result r) {
    return r.findings().stream().map(Finding::code).toList();
  }

  @Test
  void parse_mailtoRua() {
    TlsRptParser.Result r = parse("v=TLSRPTv1; rua=mailto:tlsrpt@example.com");
    assertThat(r.findings()).isEmpty();
    assertThat(r.record()).isNotNull();
    assertThat(r.record().reportUris()).containsExactly("mailto:tlsrpt@example.com");
  }

  @Test
  void parse_rfc8460ExampleWithTwoUris() {
    // RFC 8460 §3.1 examples, combined as §3 allows: URIs separated by commas, WSP around them.
    TlsRptParser.Result r = parse(
        "v=TLSRPTv1;rua=mailto:reports@example.com , https://reporting.example.com/v1/tlsrpt;");
    assertThat(r.findings()).isEmpty();
    assertThat(r.record().reportUris()).containsExactly("mailto:reports@example.com",
        "https://reporting.example.com/v1/tlsrpt");
  }

  @Test
  void parse_versionWrongCase() {
    TlsRptParser.Result r = parse("v=tlsrptv1; rua=mailto:tlsrpt@example.com");
    assertThat(r.record()).isNull();
    assertThat(codes(r)).containsExactly("tlsrpt.version-invalid");
  }

  @Test
  void parse_versionNotFirst() {
    TlsRptParser.Result r = parse("rua=mailto:tlsrpt@example.com; v=TLSRPTv1");
    assertThat(r.record()).isNull();
    assertThat(codes(r)).containsExactly("tlsrpt.version-invalid");
  }

  @Test
  void parse_versionWithoutSemicolon() {
    TlsRptParser.Result r = parse("v=TLSRPTv1 rua=mailto:tlsrpt@example.com");
    assertThat(codes(r)).containsExactly("tlsrpt.version-invalid");
  }

  @Test
  void parse_ruaMissing() {
    TlsRptParser.Result r = parse("v=TLSRPTv1;");
    assertThat(r.record()).isNull();
    assertThat(codes(r)).containsExactly("tlsrpt.rua-missing");
    assertThat(r.findings().get(0).fix()).contains("v=TLSRPTv1; rua=mailto:tls-reports@example.com");
  }

  @Test
  void parse_ruaUpperCaseIsNotRua() {
    TlsRptParser.Result r = parse("v=TLSRPTv1; RUA=mailto:tlsrpt@example.com");
    assertThat(codes(r)).containsExactly("tlsrpt.unknown-tag", "tlsrpt.rua-missing");
    assertThat(r.findings().get(0).detail()).contains("case-sensitive");
  }

  @Test
  void parse_httpSchemeRejected() {
    TlsRptParser.Result r = parse("v=TLSRPTv1; rua=http://reporting.example.com/tlsrpt");
    assertThat(r.record()).isNull();
    assertThat(codes(r)).containsExactly("tlsrpt.rua-invalid-uri");
    assertThat(r.findings().get(0).severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void parse_oneBadUriAmongGood() {
    TlsRptParser.Result r = parse("v=TLSRPTv1; rua=mailto:not-an-address,mailto:ok@example.com");
    assertThat(codes(r)).containsExactly("tlsrpt.rua-invalid-uri");
    assertThat(r.record().reportUris()).containsExactly("mailto:ok@example.com");
  }

  @Test
  void parse_duplicateRua() {
    TlsRptParser.Result r =
        parse("v=TLSRPTv1; rua=mailto:a@example.com; rua=mailto:b@example.com");
    assertThat(r.record()).isNull();
    assertThat(codes(r)).containsExactly("tlsrpt.duplicate-tag");
  }

  @Test
  void parse_extensionIgnoredWithWarning() {
    TlsRptParser.Result r = parse("v=TLSRPTv1; rua=mailto:a@example.com; ext.v2=yes");
    assertThat(r.record().extensions()).containsExactly("ext.v2");
    assertThat(r.findings()).singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING))
        .satisfies(f -> assertThat(f.code()).isEqualTo("tlsrpt.unknown-tag"));
  }

  @Test
  void parse_emptyFieldIsSyntaxError() {
    TlsRptParser.Result r = parse("v=TLSRPTv1;; rua=mailto:a@example.com");
    assertThat(r.record()).isNull();
    assertThat(codes(r)).containsExactly("tlsrpt.syntax-error");
  }

  @Test
  void parse_spaceInExtensionValueIsSyntaxError() {
    TlsRptParser.Result r = parse("v=TLSRPTv1; rua=mailto:a@example.com; note=two words");
    assertThat(codes(r)).containsExactly("tlsrpt.syntax-error");
  }

  @Test
  void parse_fieldWithoutEquals() {
    TlsRptParser.Result r = parse("v=TLSRPTv1; rua mailto:a@example.com");
    assertThat(codes(r)).containsExactly("tlsrpt.syntax-error", "tlsrpt.rua-missing");
  }
}
