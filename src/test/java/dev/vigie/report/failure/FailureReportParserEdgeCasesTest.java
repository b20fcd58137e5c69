package dev.vigie.report.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.report.InvalidReportException;
import dev.vigie.report.ParseLimits;
import dev.vigie.report.mail.MailMessage;
import dev.vigie.report.mail.MailReader;
import dev.vigie.testing.Samples;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hand-made emails for the cases the samples do not show, and hostile input. */
class FailureReportParserEdgeCasesTest {
  private static final String HEAD = """
      From: reports@example.net
      To: dmarc@example.com
      Date: Tue, 2 Jan 2024 10:00:00 +0100
      Subject: report
      MIME-Version: 1.0
      Content-Type: multipart/report; report-type=feedback-report; boundary="b"

      --b
      Content-Type: text/plain

      A failure report.
      """;

  private static MailMessage mail(String text) {
    return new MailReader(ParseLimits.defaults()).read(text.getBytes(StandardCharsets.UTF_8));
  }

  private static FailureReport parse(String text) {
    MailMessage m = mail(text);
    assertThat(FailureReportParser.looksLikeFailureReport(m)).isTrue();
    return new FailureReportParser().parse(m, "test.eml");
  }

  private static String arf(String feedbackType, String fields, String sample) {
    return HEAD + "--b\nContent-Type: " + feedbackType + "\n\n" + fields + "\n--b\n"
        + "Content-Type: text/rfc822-headers\n\n" + sample + "\n--b--\n";
  }

  @Test
  void looksLikeFailureReport_plainEmail_false() {
    MailMessage m = mail("From: a@example.com\nSubject: hi\n\nHello, no report here.\n");
    assertThat(FailureReportParser.looksLikeFailureReport(m)).isFalse();
    assertThatThrownBy(() -> new FailureReportParser().parse(m, "x"))
        .isInstanceOf(InvalidReportException.class)
        .hasMessage("the email has no message/feedback-report part and no recognised plain-text"
            + " failure report");
  }

  @Test
  void parse_onlyFeedbackType_nullsAndWarnings() {
    FailureReport r = parse(arf("message/feedback-report", "Feedback-Type: auth-failure",
        "From: =?ISO-8859-1?Q?Andr=E9?= <andre@Example.ORG>\nSubject: =?UTF-8?B?w6k=?=\n"));
    assertThat(r.feedbackType()).isEqualTo("auth-failure");
    assertThat(r.userAgent()).isNull();
    assertThat(r.sourceIp()).isNull();
    assertThat(r.authFailure()).isEmpty();
    // No Arrival-Date: the report email's Date stands in; no Reported-Domain: the sample's From.
    assertThat(r.arrivalDate()).isEqualTo(Instant.parse("2024-01-02T09:00:00Z"));
    assertThat(r.reportedDomain()).isEqualTo("example.org");
    assertThat(r.parsedSample().from()).isEqualTo("André <andre@Example.ORG>");
    assertThat(r.parsedSample().subject()).isEqualTo("é");
    assertThat(r.sampleHeadersOnly()).isTrue();
    assertThat(r.warnings()).contains(
        "the User-Agent field (RFC 5965 §3.1) is missing",
        "the Version field (RFC 5965 §3.1) is missing",
        "the Source-IP field (RFC 6591 §3.1) is missing",
        "the Reported-Domain field (RFC 6591 §3.1) is missing",
        "the Auth-Failure field (RFC 6591 §3.1) is missing",
        "the report gives no Arrival-Date; used the report email's Date",
        "no Reported-Domain; used the domain of the sample's From");
  }

  @Test
  void parse_foldedRepeatedFieldsAndBracketedIp() {
    FailureReport r = parse(arf("message/feedback-report", """
        Feedback-Type: auth-failure
        User-Agent: test/1
        Version: 1
        Auth-Failure: dkim
        Auth-Failure: SPF, dmarc
        Original-Rcpt-To: a@example.com
        Original-Rcpt-To: b@example.com
        Authentication-Results: mx.example.com;
          dmarc=fail header.from=example.com
        Source-IP: [2001:db8::1] (unknown)
        Reported-Domain: Example.COM.
        Identity-Alignment: none
        Arrival-Date: 2 Jan 24 08:00 EST
        Delivery-Result: Reject""", "From: x@example.com\n\nbody"));
    assertThat(r.authFailure()).containsExactly("dkim", "spf", "dmarc");
    assertThat(r.originalRcptTo()).isEqualTo("a@example.com, b@example.com");
    assertThat(r.authenticationResults())
        .isEqualTo("mx.example.com; dmarc=fail header.from=example.com");
    assertThat(r.sourceIp()).isEqualTo("2001:db8::1");
    assertThat(r.reportedDomain()).isEqualTo("example.com");
    assertThat(r.identityAlignment()).isEqualTo("none");
    assertThat(r.authenticationMechanisms()).isEmpty();
    assertThat(r.arrivalDate()).isEqualTo(Instant.parse("2024-01-02T13:00:00Z"));
    assertThat(r.deliveryResult()).isEqualTo("reject");
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void parse_relabelledAndUndeclaredBase64FeedbackPart() {
    String fields = "Feedback-Type: auth-failure\r\nUser-Agent: u\r\nVersion: 1\r\n"
        + "Auth-Failure: dmarc\r\nSource-IP: 192.0.2.1\r\nReported-Domain: example.com\r\n"
        + "Authentication-Results: x; dmarc=fail\r\nIdentity-Alignment: dkim\r\n"
        + "Arrival-Date: Tue, 02 Jan 2024 10:00:00 +0000\r\n";
    FailureReport plain = parse(arf("application/octet-stream", fields, "From: a@example.com"));
    assertThat(plain.sourceIp()).isEqualTo("192.0.2.1");
    String b64 = Base64.getMimeEncoder().encodeToString(fields.getBytes(StandardCharsets.UTF_8));
    FailureReport decoded = parse(arf("message/feedback-report", b64, "From: a@example.com"));
    assertThat(decoded.sourceIp()).isEqualTo("192.0.2.1");
    assertThat(decoded.authenticationMechanisms()).containsExactly("dkim");
    assertThat(decoded.warnings())
        .containsExactly("the feedback-report part was base64 without a Content-Transfer-Encoding");
  }

  @Test
  void parse_badValues_keptWithWarnings() {
    FailureReport r = parse(arf("message/feedback-report", """
        Feedback-Type: auth-failure
        User-Agent: u
        Version: 1
        Auth-Failure: dmarc
        Authentication-Results: x
        Identity-Alignment: spf
        Reported-Domain: example.com
        Source-IP: mail.example.com
        Arrival-Date: yesterday
        Delivery-Result: quarantined""", "From: a@example.com\nDate: never"));
    assertThat(r.sourceIp()).isEqualTo("mail.example.com");
    assertThat(r.arrivalDate()).isNull();
    assertThat(r.deliveryResult()).isEqualTo("other");
    assertThat(r.parsedSample().date()).isNull();
    assertThat(r.warnings()).containsExactlyInAnyOrder(
        "Source-IP \"mail.example.com\" is not an IP address literal",
        "Arrival-Date \"yesterday\" is not a date-time",
        "Delivery-Result \"quarantined\" is not an RFC 6591 §3.1 value; read as other",
        "the sample's Date \"never\" is not a date-time");
  }

  @Test
  void parse_emptyFeedbackPart_throws() {
    MailMessage m = mail(arf("message/feedback-report", "\n\n", "From: a@example.com"));
    assertThatThrownBy(() -> new FailureReportParser().parse(m, "x"))
        .isInstanceOf(InvalidReportException.class)
        .hasMessage("the message/feedback-report part holds no fields");
  }

  @Test
  void parse_declaredFeedbackReportWithoutPart_throws() {
    MailMessage m = mail(HEAD + "--b--\n");
    assertThat(FailureReportParser.looksLikeFailureReport(m)).isTrue();
    assertThatThrownBy(() -> new FailureReportParser().parse(m, "x"))
        .isInstanceOf(InvalidReportException.class);
  }

  @Test
  void parse_missingSampleAndOverlongField_warns() {
    String text = HEAD + "--b\nContent-Type: message/feedback-report\n\nFeedback-Type: auth-failure\n"
        + "User-Agent: " + "u".repeat(70_000) + "\n--b--\n";
    FailureReport r = parse(text);
    assertThat(r.userAgent()).hasSize(ParseLimits.defaults().maxFieldLength());
    assertThat(r.sample()).isEmpty();
    assertThat(r.warnings()).contains("User-Agent is longer than 65536 characters; truncated",
        "the report has no message/rfc822 or text/rfc822-headers sample");
  }

  @Test
  void parse_mutatedSamples_onlyInvalidReportException() {
    Random random = new Random(6591);
    String[] samples = {FailureReportParserSamplesTest.IBM, FailureReportParserSamplesTest.NETEASE,
        FailureReportParserSamplesTest.LINKEDIN, FailureReportParserSamplesTest.EXIM};
    MailReader reader = new MailReader(ParseLimits.defaults());
    for (int i = 0; i < 400; i++) {
      byte[] b = Samples.bytes(samples[i % samples.length]);
      for (int k = 0; k < 1 + random.nextInt(20); k++) {
        b[random.nextInt(b.length)] = (byte) random.nextInt(256);
      }
      if (i % 3 == 0) {
        b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
      }
      try {
        MailMessage m = reader.read(b);
        if (FailureReportParser.looksLikeFailureReport(m)) {
          assertThat(new FailureReportParser().parse(m, "fuzz").origin()).isEqualTo("fuzz");
        }
      } catch (InvalidReportException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
  }
}
