package dev.vigie.report.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.report.InvalidReportException;
import dev.vigie.report.ParseLimits;
import dev.vigie.report.mail.MailMessage;
import dev.vigie.report.mail.MailReader;
import dev.vigie.testing.Samples;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Malformed, hostile and slightly-off TLS reports. */
class TlsReportParserEdgeCasesTest {
  private static final String POLICY = """
      {"policy": {"policy-type": "sts", "policy-domain": "example.com"},
       "summary": {"total-successful-session-count": 1, "total-failure-session-count": 0}}""";

  private static String report(String policies) {
    return "{\"organization-name\": \"Org\", \"date-range\": {\"start-datetime\":"
        + " \"2024-01-01T00:00:00Z\", \"end-datetime\": \"2024-01-01T23:59:59Z\"},"
        + " \"contact-info\": \"tls@example.net\", \"report-id\": \"r1\", \"policies\": ["
        + policies + "]}";
  }

  private static TlsReport parse(String json) {
    return TlsReportParser.parse(json.getBytes(StandardCharsets.UTF_8), "t.json",
        ParseLimits.defaults());
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> refused(String json) {
    return assertThatThrownBy(() -> parse(json)).isInstanceOf(InvalidReportException.class);
  }

  @Test
  void parse_emptyInput_refused() {
    refused("").hasMessage("the SMTP TLS report is empty");
    refused("  \n").hasMessage("the SMTP TLS report is empty");
  }

  @Test
  void parse_nonObject_refused() {
    refused("[]").hasMessage("an SMTP TLS report must be a JSON object (RFC 8460 §4.4), not an array");
    refused("42").hasMessageEndingWith("not a number");
    refused("\"x\"").hasMessageEndingWith("not a string");
  }

  @Test
  void parse_missingRequiredFields_refused() {
    String valid = report(POLICY);
    refused(valid.replace("\"policies\"", "\"policy-list\""))
        .hasMessage("the required field policies is missing");
    refused(valid.replace("\"organization-name\"", "\"org\""))
        .hasMessage("the required field organization-name is missing or empty");
    refused(valid.replace("\"report-id\": \"r1\"", "\"report-id\": \"\""))
        .hasMessage("the required field report-id is missing or empty");
    refused(valid.replace("\"date-range\"", "\"dates\""))
        .hasMessage("the required field date-range is missing");
    refused(valid.replace("\"end-datetime\"", "\"end\""))
        .hasMessage("the required field date-range.end-datetime is missing or empty");
    refused(report(POLICY.replace("\"policy-domain\"", "\"domain\"")))
        .hasMessage("the required field policies[0].policy.policy-domain is missing or empty");
    refused(report(POLICY.replace("\"summary\"", "\"totals\"")))
        .hasMessage("policies[0] has no summary object");
    refused(report(POLICY.replace("\"total-failure-session-count\"", "\"failures\"")))
        .hasMessage("the required field policies[0].summary total-failure-session-count is missing");
  }

  @Test
  void parse_truncatedOrTrailingJson_refused() {
    String valid = report(POLICY);
    refused(valid.substring(0, valid.length() / 2))
        .hasMessageStartingWith("the SMTP TLS report is not valid JSON: ");
    refused(valid + "{}").hasMessageStartingWith("the SMTP TLS report is not valid JSON: ");
    refused(valid.replace("\"r1\"", "\"r1\", \"report-id\": \"r2\""))
        .hasMessageContaining("Duplicate field 'report-id'");
  }

  @Test
  void parse_badNumbers_refused() {
    refused(report(POLICY.replace("\"total-successful-session-count\": 1", "\"total-successful-session-count\": -1")))
        .hasMessage("policies[0].summary total-successful-session-count must be a non-negative"
            + " integer, not -1");
    refused(report(POLICY.replace(": 1,", ": 1.5,"))).hasMessageContaining("not 1.5");
    refused(report(POLICY.replace(": 1,", ": 99999999999999999999,")))
        .hasMessageContaining("must be a non-negative integer");
    refused(report(POLICY.replace(": 1,", ": true,"))).hasMessageContaining("not true");
  }

  @Test
  void parse_lenientSlips_warned() {
    String json = report(POLICY.replace(": 1,", ": \"7\",")
            .replace("\"sts\"", "\"STS-ish\"")
            .replace("\"policy-domain\": \"example.com\"",
                "\"policy-domain\": \"example.com\", \"mx-host-pattern\": [\"mx1.example.com\"],"
                    + " \"mx-host\": \"mx2.example.com\""))
        .replace("\"contact-info\": \"tls@example.net\"", "\"contact-info\": null")
        .replace("2024-01-01T23:59:59Z", "2024-01-01t23:59:59");
    TlsReport r = parse(json);
    TlsPolicy p = r.policies().get(0);
    assertThat(p.successfulSessionCount()).isEqualTo(7);
    assertThat(p.policyType()).isEqualTo("sts-ish");
    assertThat(p.mxHostPatterns()).containsExactly("mx1.example.com", "mx2.example.com");
    assertThat(r.contactInfo()).isNull();
    assertThat(r.endDate()).isEqualTo(Instant.parse("2024-01-01T23:59:59Z"));
    assertThat(r.warnings()).containsExactlyInAnyOrder(
        "date-range end-datetime \"2024-01-01t23:59:59\" has no UTC offset; read as UTC",
        "the report gives no contact-info",
        "policies[0] policy-type \"sts-ish\" is not tlsa, sts or no-policy-found (RFC 8460 §4.3)",
        "policies[0].summary total-successful-session-count is a string, read as a number");
  }

  @Test
  void parse_utf8ByteOrderMark_accepted() {
    assertThat(parse("\uFEFF" + report(POLICY)).reportId()).isEqualTo("r1");
  }

  @Test
  void parse_badDateAndEmptyPolicies() {
    refused(report(POLICY).replace("2024-01-01T00:00:00Z", "January"))
        .hasMessage("date-range start-datetime \"January\" is not an RFC 3339 date-time");
    TlsReport r = parse(report(""));
    assertThat(r.policies()).isEmpty();
    assertThat(r.warnings()).containsExactly("the report lists no policies");
  }

  @Test
  void parse_deepNestingAndLimits_refused() {
    refused(report(POLICY).replace("\"r1\"", "\"r1\", \"x\": " + "[".repeat(100) + "]".repeat(100)))
        .hasMessageStartingWith("the SMTP TLS report JSON exceeds a parse limit");
    ParseLimits tiny = new ParseLimits(100, 100, 10, 1, 1, 1, 1, 32, 64);
    byte[] big = report(POLICY).getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TlsReportParser.parse(big, "t", tiny))
        .isInstanceOf(InvalidReportException.class).hasMessageContaining("byte limit");
    ParseLimits onePolicy = new ParseLimits(1 << 20, 1 << 20, 10, 1, 1, 1, 1, 32, 1024);
    byte[] two = report(POLICY + "," + POLICY).getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TlsReportParser.parse(two, "t", onePolicy))
        .isInstanceOf(InvalidReportException.class)
        .hasMessage("the report has more than 1 policies and failure details (at policies[1])");
  }

  @Test
  void reportBytes_gzipBombAndTruncatedGzip_refused() throws Exception {
    ParseLimits limits = new ParseLimits(1 << 20, 4096, 1000, 4, 4, 16, 100, 32, 1024);
    byte[] bomb = gzip(new byte[100_000]);
    assertThatThrownBy(() -> TlsReportParser.reportBytes(tlsEmail(bomb), limits))
        .isInstanceOf(InvalidReportException.class).hasMessageContaining("4096 byte limit");
    byte[] gz = gzip(report(POLICY).getBytes(StandardCharsets.UTF_8));
    byte[] cut = Arrays.copyOf(gz, gz.length - 12);
    assertThatThrownBy(() -> TlsReportParser.reportBytes(tlsEmail(cut), limits))
        .isInstanceOf(InvalidReportException.class).hasMessageContaining("not a complete gzip");
    assertThat(TlsReportParser.reportBytes(tlsEmail(gz), limits)).asString(StandardCharsets.UTF_8)
        .isEqualTo(report(POLICY));
  }

  @Test
  void parse_mutatedSamples_onlyInvalidReportException() {
    java.util.Random random = new java.util.Random(8460);
    String[] samples = {"smtp_tls/rfc8460.json", "smtp_tls/mail.ru.json", "smtp_tls/smtp_tls.json"};
    for (int i = 0; i < 1000; i++) {
      byte[] b = Samples.bytes(samples[i % samples.length]);
      for (int k = 0; k < 1 + random.nextInt(5); k++) {
        b[random.nextInt(b.length)] = (byte) " {}[]\",:0-9aZ\\".charAt(random.nextInt(14));
      }
      try {
        assertThat(TlsReportParser.parse(b, "fuzz", ParseLimits.defaults()).origin())
            .isEqualTo("fuzz");
      } catch (InvalidReportException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
  }

  private static byte[] gzip(byte[] data) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(data);
    }
    return out.toByteArray();
  }

  private static MailMessage tlsEmail(byte[] gz) {
    String mail = "From: tls@example.net\nSubject: r\nMIME-Version: 1.0\n"
        + "Content-Type: multipart/report; report-type=tlsrpt; boundary=b\n\n--b\n"
        + "Content-Type: text/plain\n\nreport\n--b\nContent-Type: application/tlsrpt+gzip\n"
        + "Content-Transfer-Encoding: base64\n\n" + Base64.getMimeEncoder().encodeToString(gz)
        + "\n--b--\n";
    return new MailReader(ParseLimits.defaults()).read(mail.getBytes(StandardCharsets.US_ASCII));
  }
}
