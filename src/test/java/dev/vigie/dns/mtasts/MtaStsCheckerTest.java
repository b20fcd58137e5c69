package dev.vigie.dns.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import dev.vigie.dns.DnsAnswer;
import dev.vigie.dns.DnsClient;
import dev.vigie.dns.DnsStatus;
import dev.vigie.dns.RecordType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MtaStsCheckerTest {

  private static final String NAME = "_mta-sts.example.com";
  private static final String RECORD = "v=STSv1; id=20240601T000000";
  private static final List<String> MX = List.of("mail.example.com.", "mx1.example.net.");

  private final List<URI> fetched = new ArrayList<>();

  private static DnsClient txt(String... records) {
    return (n, t) -> n.equals(NAME) && t == RecordType.TXT
        ? DnsAnswer.of(n, t, DnsStatus.NOERROR, List.of(records))
        : DnsAnswer.of(n, t, DnsStatus.NXDOMAIN, List.of());
  }

  private PolicyFetcher serving(String contentType, String body) {
    return serving(new FetchResult.Response(200, contentType, null,
        body.getBytes(StandardCharsets.UTF_8)));
  }

  private PolicyFetcher serving(FetchResult result) {
    return uri -> {
      fetched.add(uri);
      return result;
    };
  }

  private static List<String> codes(MtaStsResult r) {
    return r.findings().stream().map(Finding::code).toList();
  }

  private static Finding only(MtaStsResult r, String code) {
    return r.findings().stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow();
  }

  @Test
  void check_enforcedPolicyCoveringEveryMx() {
    MtaStsResult r = new MtaStsChecker(txt(RECORD),
        serving("text/plain; charset=utf-8", MtaStsPolicyParserTest.RFC_EXAMPLE))
        .check("example.com", MX);
    assertThat(fetched).containsExactly(
        URI.create("https://mta-sts.example.com/.well-known/mta-sts.txt"));
    assertThat(r.findings()).isEmpty();
    assertThat(r.record().id()).isEqualTo("20240601T000000");
    assertThat(r.policy().mode()).isEqualTo(PolicyMode.ENFORCE);
  }

  @Test
  void check_enforcedPolicyMissingAnMxIsError() {
    MtaStsResult r = new MtaStsChecker(txt(RECORD),
        serving("text/plain", MtaStsPolicyParserTest.RFC_EXAMPLE))
        .check("example.com", List.of("mail.example.com", "a.b.example.net", "mx.other.org"));
    Finding f = only(r, "mtasts.policy-mx-not-covered");
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.detail()).contains("a.b.example.net, mx.other.org").contains("§4.1");
    assertThat(f.fix()).contains("""
        version: STSv1
        mode: enforce
        mx: mail.example.com
        mx: a.b.example.net
        mx: mx.other.org
        max_age: 1209600
        """).contains("id=");
  }

  @Test
  void check_testingPolicyMissingAnMxIsWarningPlusAdvice() {
    String testing = MtaStsPolicyParserTest.RFC_EXAMPLE.replace("enforce", "testing");
    MtaStsResult r = new MtaStsChecker(txt(RECORD), serving("text/plain", testing))
        .check("example.com", List.of("mx.other.org"));
    assertThat(codes(r)).containsExactly("mtasts.mode-testing", "mtasts.policy-mx-not-covered");
    assertThat(only(r, "mtasts.policy-mx-not-covered").severity()).isEqualTo(Severity.WARNING);
    assertThat(only(r, "mtasts.mode-testing").fix()).contains("mode: enforce");
  }

  @Test
  void check_modeNoneIsAdviceAndSkipsMx() {
    MtaStsResult r = new MtaStsChecker(txt(RECORD),
        serving("text/plain", "version: STSv1\nmode: none\nmax_age: 86400\n"))
        .check("example.com", MX);
    assertThat(codes(r)).containsExactly("mtasts.mode-none");
  }

  @Test
  void check_shortMaxAgeWhenEnforcedIsAdvice() {
    MtaStsResult r = new MtaStsChecker(txt(RECORD), serving("text/plain",
        MtaStsPolicyParserTest.RFC_EXAMPLE.replace("604800", "86400")))
        .check("example.com", MX);
    assertThat(codes(r)).containsExactly("mtasts.max-age-short");
    assertThat(r.findings().get(0).severity()).isEqualTo(Severity.INFO);
  }

  @Test
  void check_wrongContentTypeIsWarning() {
    MtaStsResult r = new MtaStsChecker(txt(RECORD),
        serving("text/html", MtaStsPolicyParserTest.RFC_EXAMPLE)).check("example.com", MX);
    assertThat(codes(r)).containsExactly("mtasts.policy-content-type");
    assertThat(r.findings().get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(r.policy()).isNotNull();
  }

  @Test
  void check_redirectIsRefused() {
    MtaStsResult r = new MtaStsChecker(txt(RECORD), serving(new FetchResult.Response(301,
        "text/html", "https://www.example.com/", new byte[0]))).check("example.com", MX);
    assertThat(codes(r)).containsExactly("mtasts.policy-redirect");
    assertThat(r.policy()).isNull();
  }

  @Test
  void check_notFound() {
    MtaStsResult r = new MtaStsChecker(txt(RECORD), serving(new FetchResult.Response(404,
        "text/html", null, new byte[0]))).check("example.com", MX);
    assertThat(codes(r)).containsExactly("mtasts.policy-http-status");
    assertThat(r.findings().get(0).fix()).contains("mx: mail.example.com\nmx: mx1.example.net");
  }

  @Test
  void check_fetchFailuresMapToTheirOwnCodes() {
    assertThat(codes(new MtaStsChecker(txt(RECORD), serving(new FetchResult.Failure(
        FetchResult.Kind.CERTIFICATE, "PKIX path building failed"))).check("example.com", MX)))
        .containsExactly("mtasts.policy-certificate-invalid");
    MtaStsResult timeout = new MtaStsChecker(txt(RECORD), serving(new FetchResult.Failure(
        FetchResult.Kind.TIMEOUT, "slow"))).check("example.com", MX);
    assertThat(codes(timeout)).containsExactly("mtasts.policy-timeout");
    assertThat(timeout.hasErrors()).isFalse();
    assertThat(codes(new MtaStsChecker(txt(RECORD), serving(new FetchResult.Failure(
        FetchResult.Kind.CONNECTION, "does not resolve"))).check("example.com", MX)))
        .containsExactly("mtasts.policy-unreachable");
  }

  @Test
  void check_missingRecordIsInfoAndFetchesNothing() {
    MtaStsResult r = new MtaStsChecker(txt("v=spf1 -all"), serving("text/plain", ""))
        .check("example.com", MX);
    assertThat(fetched).isEmpty();
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("mtasts.missing");
      assertThat(f.severity()).isEqualTo(Severity.INFO);
      assertThat(f.fix()).contains("_mta-sts.example.com").contains("v=STSv1; id=");
    });
  }

  @Test
  void check_multipleRecordsIsErrorButPolicyStillReviewed() {
    MtaStsResult r = new MtaStsChecker(txt(RECORD, "v=STSv1; id=2"),
        serving("text/plain", MtaStsPolicyParserTest.RFC_EXAMPLE)).check("example.com", MX);
    assertThat(codes(r)).containsExactly("mtasts.multiple-records");
    assertThat(r.record()).isNull();
    assertThat(r.policy()).isNotNull();
  }

  @ParameterizedTest
  @EnumSource(value = DnsStatus.class, names = {"TIMEOUT", "SERVFAIL", "REFUSED"})
  void check_temporaryDnsFailureIsNotInvalid(DnsStatus status) {
    MtaStsResult r = new MtaStsChecker((n, t) -> DnsAnswer.of(n, t, status, List.of()),
        serving("text/plain", "")).check("example.com", MX);
    assertThat(fetched).isEmpty();
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("mtasts.temporary-error");
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
    });
  }
}
