package dev.vigie.dns.bimi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import dev.vigie.dns.DnsAnswer;
import dev.vigie.dns.DnsClient;
import dev.vigie.dns.DnsStatus;
import dev.vigie.dns.RecordType;
import dev.vigie.dns.mtasts.FetchResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BimiCheckerTest {

  private static final String NAME = "default._bimi.example.com";
  private static final String RECORD = "v=BIMI1; l=https://example.com/bimi/logo.svg; "
      + "a=https://example.com/bimi/vmc.pem";
  private static final DmarcInputs REJECT = DmarcInputs.of("reject");

  private final Map<String, List<String>> zone = new HashMap<>();
  private final List<String> asked = new ArrayList<>();
  private final List<URI> fetched = new ArrayList<>();

  private final DnsClient dns = (n, t) -> {
    asked.add(n);
    List<String> records = zone.get(n);
    return records != null && t == RecordType.TXT
        ? DnsAnswer.of(n, t, DnsStatus.NOERROR, records)
        : DnsAnswer.of(n, t, DnsStatus.NXDOMAIN, List.of());
  };

  private LogoFetcher serving(int status, String svg) {
    return uri -> {
      fetched.add(uri);
      return new FetchResult.Response(status, "image/svg+xml", null,
          svg.getBytes(StandardCharsets.UTF_8));
    };
  }

  private BimiChecker checker() {
    return new BimiChecker(dns, serving(200, SvgTinyPsTest.VALID));
  }

  private static List<String> codes(BimiResult r) {
    return r.findings().stream().map(Finding::code).toList();
  }

  @Test
  void check_completeSetupOnlyNotesTheUncheckedCertificate() {
    zone.put(NAME, List.of(RECORD));
    BimiResult r = checker().check("example.com", REJECT);
    assertThat(fetched).containsExactly(URI.create("https://example.com/bimi/logo.svg"));
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("bimi.certificate-present");
      assertThat(f.severity()).isEqualTo(Severity.INFO);
      assertThat(f.detail()).contains("does not validate");
    });
    assertThat(r.recordName()).isEqualTo(NAME);
    assertThat(r.record().logoUrl()).isEqualTo("https://example.com/bimi/logo.svg");
  }

  @Test
  void check_noCertificateIsWarning() {
    zone.put(NAME, List.of("v=BIMI1; l=https://example.com/bimi/logo.svg"));
    BimiResult r = checker().check("example.com", DmarcInputs.of("quarantine"));
    assertThat(codes(r)).containsExactly("bimi.certificate-missing");
  }

  @Test
  void check_dmarcNotEnforced() {
    zone.put(NAME, List.of(RECORD));
    BimiResult r = checker().check("example.com", DmarcInputs.of("none"));
    assertThat(codes(r)).containsExactly("bimi.dmarc-not-enforced", "bimi.certificate-present");
    assertThat(r.findings().get(0).fix()).contains("v=DMARC1; p=quarantine");
  }

  @Test
  void check_dmarcSubdomainNoneAndPartialPct() {
    zone.put(NAME, List.of(RECORD));
    BimiResult r = checker().check("example.com", new DmarcInputs("Reject", "none", 50));
    assertThat(codes(r)).containsExactly("bimi.dmarc-subdomain-not-enforced",
        "bimi.dmarc-pct-not-100", "bimi.certificate-present");
  }

  @Test
  void check_dmarcPct100IsFine() {
    zone.put(NAME, List.of(RECORD));
    BimiResult r = checker().check("example.com", new DmarcInputs("quarantine", "reject", 100));
    assertThat(codes(r)).containsExactly("bimi.certificate-present");
  }

  @Test
  void check_noDmarcRecord() {
    zone.put(NAME, List.of(RECORD));
    assertThat(codes(checker().check("example.com", DmarcInputs.missing())))
        .containsExactly("bimi.dmarc-missing", "bimi.certificate-present");
  }

  @Test
  void check_declinedSkipsLogoAndDmarc() {
    zone.put(NAME, List.of("v=BIMI1; l=; a="));
    BimiResult r = checker().check("example.com", DmarcInputs.of("none"));
    assertThat(codes(r)).containsExactly("bimi.declined");
    assertThat(fetched).isEmpty();
  }

  @Test
  void check_missingIsInfo() {
    BimiResult r = checker().check("example.com", REJECT);
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("bimi.missing");
      assertThat(f.severity()).isEqualTo(Severity.INFO);
      assertThat(f.fix()).contains("v=BIMI1; l=https://example.com/bimi/logo.svg");
    });
  }

  @Test
  void check_otherSelector() {
    zone.put("brand._bimi.example.com", List.of(RECORD));
    BimiResult r = checker().check("example.com", "brand", REJECT);
    assertThat(asked).containsExactly("brand._bimi.example.com");
    assertThat(r.record()).isNotNull();
  }

  @Test
  void check_fallsBackToOrganizationalDomain() {
    zone.put(NAME, List.of(RECORD));
    BimiChecker checker = new BimiChecker(dns, serving(200, SvgTinyPsTest.VALID),
        d -> Optional.of("example.com"));
    BimiResult r = checker.check("news.example.com", REJECT);
    assertThat(asked).containsExactly("default._bimi.news.example.com", NAME);
    assertThat(r.recordName()).isEqualTo(NAME);
    assertThat(codes(r)).containsExactly("bimi.inherited", "bimi.certificate-present");
  }

  @Test
  void check_unrelatedTxtIgnoredAndMultipleIsError() {
    zone.put(NAME, List.of("some-verification=1", RECORD));
    assertThat(codes(checker().check("example.com", REJECT)))
        .containsExactly("bimi.certificate-present");
    zone.put(NAME, List.of(RECORD, "v=BIMI1; l=https://example.com/other.svg"));
    assertThat(codes(checker().check("example.com", REJECT)))
        .containsExactly("bimi.multiple-records");
  }

  @Test
  void check_logoProblemsReported() {
    zone.put(NAME, List.of(RECORD));
    String bad = SvgTinyPsTest.VALID.replace("tiny-ps", "tiny");
    BimiResult r = new BimiChecker(dns, serving(200, bad)).check("example.com", REJECT);
    assertThat(codes(r)).containsExactly("bimi.certificate-present", "bimi.logo-base-profile");
  }

  @Test
  void check_logoNotFound() {
    zone.put(NAME, List.of(RECORD));
    BimiResult r = new BimiChecker(dns, serving(404, "")).check("example.com", REJECT);
    assertThat(codes(r)).containsExactly("bimi.certificate-present", "bimi.logo-http-status");
  }

  @Test
  void check_logoUnreachable() {
    zone.put(NAME, List.of(RECORD));
    LogoFetcher failing =
        uri -> new FetchResult.Failure(FetchResult.Kind.CERTIFICATE, "PKIX path building failed");
    BimiResult r = new BimiChecker(dns, failing).check("example.com", REJECT);
    assertThat(codes(r)).containsExactly("bimi.certificate-present", "bimi.logo-unreachable");
  }

  @ParameterizedTest
  @EnumSource(value = DnsStatus.class, names = {"TIMEOUT", "SERVFAIL", "REFUSED"})
  void check_temporaryDnsFailureIsNotInvalid(DnsStatus status) {
    BimiResult r = new BimiChecker((n, t) -> DnsAnswer.of(n, t, status, List.of()),
        serving(200, SvgTinyPsTest.VALID)).check("example.com", REJECT);
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("bimi.temporary-error");
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
    });
    assertThat(fetched).isEmpty();
  }
}
