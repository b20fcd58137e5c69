package dev.vigie.dns.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MtaStsPolicyParserTest {

  /** The policy example of RFC 8461 §3.2. */
  static final String RFC_EXAMPLE = """
      version: STSv1
      mode: enforce
      mx: mail.example.com
      mx: *.example.net
      mx: backupmx.example.com
      max_age: 604800
      """;

  private final MtaStsPolicyParser parser =
      new MtaStsPolicyParser("example.com", List.of("mail.example.com"));

  private static List<String> codes(MtaStsPolicyParser.Result r) {
    return r.findings().stream().map(Finding::code).toList();
  }

  @Test
  void parse_rfcExampleWithLf() {
    MtaStsPolicyParser.Result r = parser.parse(RFC_EXAMPLE);
    assertThat(r.findings()).isEmpty();
    MtaStsPolicy p = r.policy();
    assertThat(p.mode()).isEqualTo(PolicyMode.ENFORCE);
    assertThat(p.maxAge()).isEqualTo(604800);
    assertThat(p.mxPatterns()).containsExactly("mail.example.com", "*.example.net",
        "backupmx.example.com");
  }

  @Test
  void parse_rfcExampleWithCrlfAndNoFinalNewline() {
    String crlf = RFC_EXAMPLE.strip().replace("\n", "\r\n");
    MtaStsPolicyParser.Result r = parser.parse(crlf);
    assertThat(r.findings()).isEmpty();
    assertThat(r.policy().mxPatterns()).hasSize(3);
  }

  @Test
  void parse_modeNoneNeedsNoMx() {
    MtaStsPolicyParser.Result r = parser.parse("version: STSv1\nmode: none\nmax_age: 86400\n");
    assertThat(r.findings()).isEmpty();
    assertThat(r.policy().mode()).isEqualTo(PolicyMode.NONE);
  }

  @Test
  void parse_modeTestingNeedsMx() {
    MtaStsPolicyParser.Result r = parser.parse("version: STSv1\nmode: testing\nmax_age: 86400\n");
    assertThat(r.policy()).isNull();
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("mtasts.policy-key-missing");
      assertThat(f.detail()).contains("mx");
      assertThat(f.fix()).contains("version: STSv1\nmode: testing\nmx: mail.example.com\n");
    });
  }

  @Test
  void parse_maxAgeUpperBoundAccepted() {
    MtaStsPolicyParser.Result r = parser.parse(RFC_EXAMPLE.replace("604800", "31557600"));
    assertThat(r.policy().maxAge()).isEqualTo(31_557_600L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"31557601", "-1", "1w", "", "12345678901", "1.5"})
  void parse_maxAgeInvalid(String value) {
    MtaStsPolicyParser.Result r = parser.parse(RFC_EXAMPLE.replace("604800", value));
    assertThat(r.policy()).isNull();
    assertThat(codes(r)).containsExactly("mtasts.policy-max-age-invalid");
  }

  @Test
  void parse_duplicateModeInvalidatesPolicy() {
    MtaStsPolicyParser.Result r = parser.parse(RFC_EXAMPLE + "mode: testing\n");
    assertThat(r.policy()).isNull();
    assertThat(codes(r)).containsExactly("mtasts.policy-duplicate-key");
  }

  @Test
  void parse_unknownKeyIsWarning() {
    MtaStsPolicyParser.Result r = parser.parse(RFC_EXAMPLE + "comment: hello\n");
    assertThat(r.policy().extensions()).containsExactly("comment");
    assertThat(r.findings()).singleElement()
        .satisfies(f -> assertThat(f.code()).isEqualTo("mtasts.policy-unknown-key"))
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
  }

  @Test
  void parse_keysAreCaseSensitive() {
    MtaStsPolicyParser.Result r = parser.parse(RFC_EXAMPLE.replace("mode:", "Mode:"));
    assertThat(r.policy()).isNull();
    assertThat(codes(r)).containsExactly("mtasts.policy-unknown-key",
        "mtasts.policy-key-missing");
  }

  @Test
  void parse_modeInvalid() {
    MtaStsPolicyParser.Result r = parser.parse(RFC_EXAMPLE.replace("enforce", "Enforce"));
    assertThat(codes(r)).containsExactly("mtasts.policy-mode-invalid");
  }

  @Test
  void parse_versionInvalid() {
    assertThat(codes(parser.parse(RFC_EXAMPLE.replace("STSv1", "STSv2"))))
        .containsExactly("mtasts.policy-version-invalid");
  }

  @ParameterizedTest
  @ValueSource(strings = {"mail.*.example.com", "*example.com", "*.", "mail.example.com.",
      "mail_1.example.com"})
  void parse_mxPatternInvalid(String pattern) {
    MtaStsPolicyParser.Result r =
        parser.parse(RFC_EXAMPLE.replace("mx: mail.example.com", "mx: " + pattern));
    assertThat(codes(r)).containsExactly("mtasts.policy-mx-invalid");
  }

  @Test
  void parse_lineWithoutColon() {
    MtaStsPolicyParser.Result r = parser.parse(RFC_EXAMPLE + "this is not a field\n");
    assertThat(r.policy()).isNull();
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("mtasts.policy-syntax-error");
      assertThat(f.detail()).contains("Line 7");
    });
  }

  @Test
  void parse_emptyBodyListsEveryMissingKey() {
    MtaStsPolicyParser.Result r = parser.parse("");
    assertThat(r.findings()).singleElement().satisfies(f ->
        assertThat(f.detail()).contains("version, mode, max_age, mx"));
  }

  @Test
  void parse_htmlPageIsNotAPolicy() {
    MtaStsPolicyParser.Result r = parser.parse("<html><body>Welcome</body></html>\n");
    assertThat(r.policy()).isNull();
    assertThat(codes(r)).contains("mtasts.policy-syntax-error", "mtasts.policy-key-missing");
  }
}
