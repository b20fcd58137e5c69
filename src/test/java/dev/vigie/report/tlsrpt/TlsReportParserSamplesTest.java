package dev.vigie.report.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.report.ParseLimits;
import dev.vigie.report.ReportKind;
import dev.vigie.report.mail.MailMessage;
import dev.vigie.report.mail.MailReader;
import dev.vigie.testing.Samples;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Every SMTP TLS sample in shared/samples parses to the values it holds. */
class TlsReportParserSamplesTest {
  static TlsReport parse(String sample) {
    return TlsReportParser.parse(Samples.bytes(sample), sample, ParseLimits.defaults());
  }

  @Test
  void parse_rfc8460Example_mxHostAndAdditionalInformation() {
    TlsReport r = parse("smtp_tls/rfc8460.json");
    assertThat(r.kind()).isEqualTo(ReportKind.SMTP_TLS);
    assertThat(r.organizationName()).isEqualTo("Company-X");
    assertThat(r.beginDate()).isEqualTo(Instant.parse("2016-04-01T00:00:00Z"));
    assertThat(r.endDate()).isEqualTo(Instant.parse("2016-04-01T23:59:59Z"));
    assertThat(r.contactInfo()).isEqualTo("sts-reporting@company-x.example");
    assertThat(r.reportId()).isEqualTo("5065427c-23d3-47ca-b6e0-946ea0e8c4be");
    assertThat(r.warnings()).isEmpty();
    TlsPolicy p = r.policies().get(0);
    assertThat(r.policies()).hasSize(1);
    assertThat(p.policyDomain()).isEqualTo("company-y.example");
    assertThat(p.policyType()).isEqualTo("sts");
    assertThat(p.policyStrings()).containsExactly("version: STSv1", "mode: testing",
        "mx: *.mail.company-y.example", "max_age: 86400");
    assertThat(p.mxHostPatterns()).containsExactly("*.mail.company-y.example");
    assertThat(p.successfulSessionCount()).isEqualTo(5326);
    assertThat(p.failedSessionCount()).isEqualTo(303);
    assertThat(p.failureDetails()).containsExactly(
        new TlsFailureDetail("certificate-expired", 100, "2001:db8:abcd:0012::1", null,
            "mx1.mail.company-y.example", null, null, null),
        new TlsFailureDetail("starttls-not-supported", 200, "2001:db8:abcd:0013::1",
            "203.0.113.56", "mx2.mail.company-y.example", null,
            "https://reports.company-x.example/report_info?id=5065427c-23d3#StarttlsNotSupported",
            null),
        new TlsFailureDetail("validation-failure", 3, "198.51.100.62", "203.0.113.58",
            "mx-backup.mail.company-y.example", null, null,
            "X509_V_ERR_PROXY_PATH_LENGTH_EXCEEDED"));
  }

  @Test
  void parse_mailRu_summaryMismatchWarned() {
    TlsReport r = parse("smtp_tls/mail.ru.json");
    assertThat(r.organizationName()).isEqualTo("Mail.ru");
    assertThat(r.reportId()).isEqualTo("b28254de-7b2e-be36-bb5c-4c3b92da8b25@mail.ru");
    assertThat(r.contactInfo()).isEqualTo("tls_support@corp.mail.ru");
    assertThat(r.beginDate()).isEqualTo(Instant.parse("2024-02-22T00:00:00Z"));
    assertThat(r.endDate()).isEqualTo(Instant.parse("2024-02-23T00:00:00Z"));
    TlsPolicy p = r.policies().get(0);
    assertThat(p.policyDomain()).isEqualTo("example.com");
    assertThat(p.policyType()).isEqualTo("sts");
    assertThat(p.policyStrings()).isEmpty();
    assertThat(p.successfulSessionCount()).isZero();
    assertThat(p.failedSessionCount()).isEqualTo(1);
    assertThat(p.failureDetails()).extracting(TlsFailureDetail::resultType)
        .containsExactly("sts-policy-fetch-error", "sts-policy-fetch-error");
    assertThat(p.failureDetails()).extracting(TlsFailureDetail::failureReasonCode)
        .containsExactly("bad https response code: 404", "bad https response code: 500");
    assertThat(p.failureDetails().get(0).sendingMtaIp()).isNull();
    assertThat(r.warnings()).containsExactly(
        "policies[0] summary counts 1 failed sessions but its failure-details add up to 2");
  }

  @Test
  void parse_googleStyleSingleStsPolicy() {
    TlsReport r = parse("smtp_tls/smtp_tls.json");
    assertThat(r.organizationName()).isEqualTo("Example Inc.");
    assertThat(r.reportId()).isEqualTo("2024-01-09T00:00:00Z_example.com");
    assertThat(r.beginDate()).isEqualTo(Instant.parse("2024-01-09T00:00:00Z"));
    assertThat(r.endDate()).isEqualTo(Instant.parse("2024-01-09T23:59:59Z"));
    TlsPolicy p = r.policies().get(0);
    assertThat(p.policyDomain()).isEqualTo("example.com");
    assertThat(p.policyStrings()).hasSize(4).contains("mx: example.com");
    assertThat(p.mxHostPatterns()).isEmpty();
    assertThat(p.successfulSessionCount()).isZero();
    assertThat(p.failedSessionCount()).isEqualTo(3);
    assertThat(p.failureDetails()).containsExactly(
        new TlsFailureDetail("validation-failure", 2, "209.85.222.201", "173.212.201.41",
            "example.com", null, null, null),
        new TlsFailureDetail("validation-failure", 1, "209.85.208.176", "173.212.201.41",
            "example.com", null, null, null));
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void reportBytes_googleEmail_gunzippedJson() {
    String sample = "smtp_tls/google.com_smtp_tls_report.eml";
    MailMessage m = new MailReader(ParseLimits.defaults()).read(Samples.bytes(sample));
    assertThat(m.reportType()).isEqualTo("tlsrpt");
    byte[] json = TlsReportParser.reportBytes(m, ParseLimits.defaults());
    assertThat(json).isNotNull();
    assertThat(new String(json, java.nio.charset.StandardCharsets.UTF_8))
        .startsWith("{\"organization-name\":\"Google Inc.\"");
    TlsReport r = TlsReportParser.parse(json, sample, ParseLimits.defaults());
    assertThat(r.organizationName()).isEqualTo("Google Inc.");
    assertThat(r.contactInfo()).isEqualTo("smtp-tls-reporting@google.com");
    assertThat(r.reportId()).isEqualTo("2024-09-03T00:00:00Z_cardinalhealth.ca");
    assertThat(r.beginDate()).isEqualTo(Instant.parse("2024-09-03T00:00:00Z"));
    assertThat(r.endDate()).isEqualTo(Instant.parse("2024-09-03T23:59:59Z"));
    assertThat(r.policies()).singleElement().isEqualTo(new TlsPolicy("cardinalhealth.ca",
        "no-policy-found", java.util.List.of(), java.util.List.of(), 48, 0, java.util.List.of()));
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void reportBytes_failureAndAggregateEmails_null() {
    MailReader reader = new MailReader(ParseLimits.defaults());
    for (String s : new String[] {"failure/dmarc_ruf_report_linkedin.eml", "aggregate/twilight.eml"}) {
      assertThat(TlsReportParser.reportBytes(reader.read(Samples.bytes(s)), ParseLimits.defaults()))
          .as(s).isNull();
    }
  }
}
