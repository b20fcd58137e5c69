package dev.vigie.report.failure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.report.ParseLimits;
import dev.vigie.report.ReportKind;
import dev.vigie.report.mail.MailMessage;
import dev.vigie.report.mail.MailReader;
import dev.vigie.testing.Samples;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Every failure sample in shared/samples parses to the values it holds. */
class FailureReportParserSamplesTest {
  static final String IBM =
      "failure/DMARC Failure Report for domain.de (mail-from=sharepoint@domain.de, ip=10.10.10.10).eml";
  static final String NETEASE = "failure/[Netease DMARC Failure Report] Rent Reminder.eml";
  static final String LINKEDIN = "failure/dmarc_ruf_report_linkedin.eml";
  static final String LINKEDIN_CRLF = "failure/dmarc_ruf_report_linkedin.crlf.eml";
  static final String EXIM = "failure/exim_plain_text_only_no_arf_part.eml";

  static MailMessage mail(String sample) {
    return new MailReader(ParseLimits.defaults()).read(Samples.bytes(sample));
  }

  static FailureReport parse(String sample) {
    MailMessage m = mail(sample);
    assertThat(FailureReportParser.looksLikeFailureReport(m)).isTrue();
    return new FailureReportParser().parse(m, sample);
  }

  @Test
  void parse_ibmDominoArfWithNamedFeedbackPartAndHtmlSample() {
    FailureReport r = parse(IBM);
    assertThat(r.kind()).isEqualTo(ReportKind.FAILURE);
    assertThat(r.origin()).isEqualTo(IBM);
    assertThat(r.feedbackType()).isEqualTo("auth-failure");
    assertThat(r.userAgent()).isEqualTo("Lua/1.0");
    assertThat(r.version()).isEqualTo("1.0");
    assertThat(r.originalMailFrom()).isEqualTo("sharepoint@domain.de");
    assertThat(r.originalRcptTo()).isEqualTo("peter.pan@domain.de");
    assertThat(r.originalEnvelopeId()).isNull();
    assertThat(r.arrivalDate()).isEqualTo(Instant.parse("2018-10-01T09:20:27Z"));
    assertThat(r.authenticationResults())
        .isEqualTo("dmarc=fail (p=none, dis=none) header.from=domain.de");
    assertThat(r.sourceIp()).isEqualTo("10.10.10.10");
    assertThat(r.reportedDomain()).isEqualTo("domain.de");
    assertThat(r.authFailure()).containsExactly("dmarc");
    assertThat(r.deliveryResult()).isEqualTo("policy");
    assertThat(r.identityAlignment()).isNull();
    assertThat(r.authenticationMechanisms()).isEmpty();
    assertThat(r.dkimDomain()).isNull();
    assertThat(r.sampleHeadersOnly()).isFalse();
    assertThat(r.sample()).startsWith("Received: from Servernameone.domain.local")
        .contains("X-Mailer: Microsoft SharePoint Foundation 2010")
        .contains("<html><head><base href=3D'");
    SampleSummary s = r.parsedSample();
    assertThat(s.from()).isEqualTo("\"Interaktive Wettbewerber-Übersicht\" <sharepoint@domain.de>");
    assertThat(s.fromDomain()).isEqualTo("domain.de");
    assertThat(s.to()).isEqualTo("<peter.pan@domain.de>");
    assertThat(s.subject()).isEqualTo("Subject");
    assertThat(s.date()).isEqualTo(Instant.parse("2018-10-01T09:20:27Z"));
    assertThat(s.messageId()).isEqualTo("<38.E7.30937.BD6E1BB5@ mailrelay.de>");
    assertThat(r.warnings()).containsExactlyInAnyOrder(
        "the Identity-Alignment field (RFC 7489 §7.3.1) is missing",
        "Delivery-Result \"smg-policy-action\" is not an RFC 6591 §3.1 value; read as policy");
  }

  @Test
  void parse_neteaseMultipartMixedWithBase64FeedbackPart() {
    MailMessage m = mail(NETEASE);
    assertThat(m.mimeType()).isEqualTo("multipart/mixed");
    FailureReport r = parse(NETEASE);
    assertThat(r.feedbackType()).isEqualTo("auth-failure");
    assertThat(r.userAgent()).isEqualTo("NtesDmarcReporter/1.0");
    assertThat(r.version()).isEqualTo("1");
    assertThat(r.originalMailFrom())
        .isEqualTo("<bounces+1137616-c1ad-xsj399=163.com@email.entrata.com>");
    assertThat(r.originalEnvelopeId()).isEqualTo("N8CowEApcUPo6q1bnXlMAA--.44392S3");
    assertThat(r.originalRcptTo()).isNull();
    assertThat(r.arrivalDate()).isEqualTo(Instant.parse("2018-09-28T08:48:42Z"));
    assertThat(r.sourceIp()).isEqualTo("167.89.69.24");
    assertThat(r.reportedDomain()).isEqualTo("cardinal.com");
    assertThat(r.authenticationResults()).isEqualTo("163.com; dkim=pass (verify result: all"
        + " signatures verified) header.d=entrata.com; spf=pass"
        + " smtp.mailfrom=bounces+1137616-c1ad-xsj399=163.com@email.entrata.com");
    assertThat(r.dkimDomain()).isEqualTo("entrata.com");
    assertThat(r.deliveryResult()).isEqualTo("delivered");
    assertThat(r.identityAlignment()).isEqualTo("spf,dkim");
    assertThat(r.authenticationMechanisms()).containsExactly("spf", "dkim");
    assertThat(r.authFailure()).isEmpty();
    assertThat(r.warnings()).containsExactly("the Auth-Failure field (RFC 6591 §3.1) is missing");
    assertThat(r.sampleHeadersOnly()).isTrue();
    assertThat(r.sample()).startsWith("Received: by filter1356p1mdw1.sendgrid.net")
        .doesNotContain("\r");
    assertThat(r.parsedSample()).isEqualTo(new SampleSummary(
        "700 on Washington <info@cardinal.com>", "\"redacted@163.com\" <redacted@163.com>",
        "Rent Reminder", Instant.parse("2018-09-28T08:48:39Z"),
        "<oguVx1AxQayV5Sv2nYK-rA@ismtpd0007p1las1.sendgrid.net>"));
  }

  @Test
  void parse_linkedinMboxFileWithNullReturnPath() {
    FailureReport r = parse(LINKEDIN);
    assertThat(r.feedbackType()).isEqualTo("auth-failure");
    assertThat(r.userAgent()).isEqualTo("Lua/1.0");
    assertThat(r.originalMailFrom()).isNull();
    assertThat(r.originalRcptTo()).isEqualTo("recipient@linkedin.com");
    assertThat(r.arrivalDate()).isEqualTo(Instant.parse("2019-04-30T02:09:00Z"));
    assertThat(r.sourceIp()).isEqualTo("10.10.10.10");
    assertThat(r.reportedDomain()).isEqualTo("example.com");
    assertThat(r.authenticationResults())
        .isEqualTo("dmarc=fail (p=none; dis=none) header.from=example.com");
    assertThat(r.deliveryResult()).isEqualTo("delivered");
    assertThat(r.authFailure()).containsExactly("dmarc");
    assertThat(r.sampleHeadersOnly()).isFalse();
    assertThat(r.sample()).startsWith("Return-Path: <>\nAuthentication-Results: mail516")
        .contains("HTML Text");
    assertThat(r.parsedSample().from()).isEqualTo("Sender <sender@example.com>");
    assertThat(r.parsedSample().subject()).isEqualTo("Subject line, could be UTF8 encoded");
    assertThat(r.parsedSample().date()).isEqualTo(Instant.parse("2019-04-30T02:09:09Z"));
    assertThat(r.parsedSample().messageId())
        .isEqualTo("<01010101010101010101010101010101@ABAB01MS0016.someserver.loc>");
    assertThat(r.warnings())
        .containsExactly("the Identity-Alignment field (RFC 7489 §7.3.1) is missing");
  }

  @Test
  void parse_linkedinCrlfAndLf_identical() {
    MailMessage lf = mail(LINKEDIN);
    MailMessage crlf = mail(LINKEDIN_CRLF);
    FailureReportParser p = new FailureReportParser();
    assertThat(p.parse(crlf, "x")).isEqualTo(p.parse(lf, "x"));
  }

  @Test
  void parse_eximPlainTextWithoutArfPart() {
    FailureReport r = parse(EXIM);
    assertThat(mail(EXIM).firstPart("message/feedback-report")).isNull();
    assertThat(r.feedbackType()).isEqualTo("auth-failure");
    assertThat(r.authFailure()).containsExactly("dmarc");
    assertThat(r.sourceIp()).isEqualTo("203.0.113.68");
    assertThat(r.reportedDomain()).isEqualTo("example.com");
    assertThat(r.arrivalDate()).isEqualTo(Instant.parse("2025-04-07T21:16:09Z"));
    assertThat(r.authenticationMechanisms()).isEmpty();
    assertThat(r.userAgent()).isNull();
    assertThat(r.authenticationResults()).isNull();
    assertThat(r.deliveryResult()).isNull();
    assertThat(r.sampleHeadersOnly()).isTrue();
    assertThat(r.sample()).startsWith("Received: from [203.0.113.68] (helo=smtpclient.apple)")
        .contains("charset=windows-1250")
        .contains("Authentication-Results:  mailgate.example.net; spf=softfail");
    assertThat(r.parsedSample()).isEqualTo(new SampleSummary("<user@example.com>",
        "<user@example.com>", "Payment from your account.",
        Instant.parse("2025-04-07T16:10:06Z"),
        "<134117F8-2145-AECE-9CCA-25FC98731341@example.com>"));
    assertThat(r.warnings()).singleElement().asString().contains("plain-text summary");
  }

  @Test
  void looksLikeFailureReport_aggregateAndTlsEmails_false() {
    for (String s : new String[] {"aggregate/twilight.eml", "aggregate/mimecast-weird-gzip.eml",
        "smtp_tls/google.com_smtp_tls_report.eml"}) {
      assertThat(FailureReportParser.looksLikeFailureReport(mail(s))).as(s).isFalse();
    }
  }
}
