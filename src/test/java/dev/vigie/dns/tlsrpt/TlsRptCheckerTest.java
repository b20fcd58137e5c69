package dev.vigie.dns.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import dev.vigie.dns.DnsAnswer;
import dev.vigie.dns.DnsClient;
import dev.vigie.dns.DnsStatus;
import dev.vigie.dns.RecordType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TlsRptCheckerTest {

  private final List<String> asked = new ArrayList<>();

  /** TXT records at one name; NXDOMAIN everywhere else. */
  private DnsClient txt(String name, String... records) {
    return (n, t) -> {
      asked.add(t + " " + n);
      return n.equals(name) && t == RecordType.TXT
          ? DnsAnswer.of(n, t, DnsStatus.NOERROR, List.of(records))
          : DnsAnswer.of(n, t, DnsStatus.NXDOMAIN, List.of());
    };
  }

  @Test
  void check_validRecord() {
    TlsRptResult r = new TlsRptChecker(
        txt("_smtp._tls.example.com", "v=TLSRPTv1; rua=mailto:tlsrpt@example.com"))
        .check("Example.COM.");
    assertThat(asked).containsExactly("TXT _smtp._tls.example.com");
    assertThat(r.findings()).isEmpty();
    assertThat(r.record().reportUris()).containsExactly("mailto:tlsrpt@example.com");
    assertThat(r.recordName()).isEqualTo("_smtp._tls.example.com");
  }

  @Test
  void check_missingIsInfoWithRecordToPublish() {
    TlsRptResult r = new TlsRptChecker(txt("other.example")).check("example.com");
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("tlsrpt.missing");
      assertThat(f.severity()).isEqualTo(Severity.INFO);
      assertThat(f.detail()).contains("MTA-STS");
      assertThat(f.fix()).contains("_smtp._tls.example.com")
          .contains("\"v=TLSRPTv1; rua=mailto:tls-reports@example.com\"");
    });
  }

  @Test
  void check_unrelatedTxtIgnored() {
    TlsRptResult r = new TlsRptChecker(txt("_smtp._tls.example.com",
        "google-site-verification=abc123", "v=TLSRPTv1; rua=mailto:tlsrpt@example.com"))
        .check("example.com");
    assertThat(r.findings()).isEmpty();
    assertThat(r.record()).isNotNull();
  }

  @Test
  void check_onlyUnrelatedTxtIsMissing() {
    TlsRptResult r = new TlsRptChecker(txt("_smtp._tls.example.com", "v=spf1 -all"))
        .check("example.com");
    assertThat(r.findings()).extracting(Finding::code).containsExactly("tlsrpt.missing");
  }

  @Test
  void check_multipleRecordsIsError() {
    TlsRptResult r = new TlsRptChecker(txt("_smtp._tls.example.com",
        "v=TLSRPTv1; rua=mailto:a@example.com", "v=TLSRPTv1; rua=https://r.example.net/t"))
        .check("example.com");
    assertThat(r.record()).isNull();
    assertThat(r.findings()).extracting(Finding::code).containsExactly("tlsrpt.multiple-records");
    assertThat(r.hasErrors()).isTrue();
  }

  @Test
  void check_malformedRecordIsReportedNotIgnored() {
    TlsRptResult r = new TlsRptChecker(txt("_smtp._tls.example.com",
        "v=TLSRPTV1; rua=mailto:a@example.com")).check("example.com");
    assertThat(r.findings()).extracting(Finding::code).containsExactly("tlsrpt.version-invalid");
  }

  @ParameterizedTest
  @EnumSource(value = DnsStatus.class, names = {"TIMEOUT", "SERVFAIL", "REFUSED"})
  void check_temporaryDnsFailureIsNotInvalid(DnsStatus status) {
    TlsRptResult r = new TlsRptChecker((n, t) -> DnsAnswer.of(n, t, status, List.of()))
        .check("example.com");
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("tlsrpt.temporary-error");
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.detail()).contains(status.name());
    });
  }

  @Test
  void check_invalidDomainAsksNothing() {
    TlsRptResult r = new TlsRptChecker(txt("x")).check("exa mple..com");
    assertThat(asked).isEmpty();
    assertThat(r.findings()).extracting(Finding::code).containsExactly("tlsrpt.invalid-domain");
  }
}
