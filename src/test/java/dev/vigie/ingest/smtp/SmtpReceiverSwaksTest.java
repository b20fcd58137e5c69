package dev.vigie.ingest.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The receiver against a real SMTP client, swaks, sending a real DMARC report email. */
@Timeout(120)
class SmtpReceiverSwaksTest {
  static final String REPORTS = "dmarc.reports@twlnet.com";
  static final Path TWILIGHT = Path.of(System.getProperty("vigie.samples",
      "../shared/samples/parsedmarc"), "aggregate", "twilight.eml");

  @TempDir Path dir;
  final RecordingSink sink = new RecordingSink();
  SmtpReceiver receiver;

  @BeforeEach
  void requireSwaks() {
    assumeTrue(Swaks.available(), "swaks is not installed (/usr/bin/swaks); .ci/run installs it");
    assumeTrue(Files.isRegularFile(TWILIGHT), "sample report missing: " + TWILIGHT);
  }

  @AfterEach
  void stop() {
    if (receiver != null) {
      receiver.close();
    }
  }

  SmtpReceiver start(SmtpSettings s) throws Exception {
    receiver = new SmtpReceiver(s, sink);
    receiver.start();
    return receiver;
  }

  static SmtpSettings settings() {
    return SmtpSettings.defaults("mx.vigie.test", List.of(REPORTS))
        .withBind(InetAddress.getLoopbackAddress(), 0);
  }

  /** What swaks puts on the wire for a file: LF made CRLF, and a final CRLF before the dot. */
  static byte[] asSent(Path file) throws Exception {
    String text = Files.readString(file, StandardCharsets.ISO_8859_1).replace("\r\n", "\n")
        .replace("\n", "\r\n");
    return (text.endsWith("\r\n") ? text : text + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void swaks_reportEmailDeliveredByteExactAfterReceivedHeader() throws Exception {
    start(settings());
    Swaks.Run run = Swaks.send(receiver.localAddress(), REPORTS,
        List.of("--data", "@" + TWILIGHT, "--pipeline"));
    assertThat(run.exitCode()).as(run.transcript()).isZero();
    assertThat(run.transcript()).contains("<-  250 2.0.0 Ok: stored as ");
    RecordingSink.Delivered d = sink.only();
    assertThat(d.afterReceivedHeader()).isEqualTo(asSent(TWILIGHT));
    assertThat(d.text()).startsWith("Received: from mx.sender.example ([127.0.0.1])\r\n"
        + "\tby mx.vigie.test (Vigie) with ESMTP id ").contains("\tfor <" + REPORTS + ">; ");
    assertThat(d.source().name()).isEqualTo("smtp from 127.0.0.1 for " + REPORTS);
  }

  @Test
  void swaks_unknownRecipientRefusedWith550() throws Exception {
    start(settings());
    Swaks.Run run = Swaks.send(receiver.localAddress(), "someone@twlnet.com",
        List.of("--data", "@" + TWILIGHT));
    assertThat(run.exitCode()).as(run.transcript()).isEqualTo(24); // no RCPTs accepted
    assertThat(run.transcript()).contains("<** 550 5.1.1 <someone@twlnet.com>");
    assertThat(sink.delivered).isEmpty();
  }

  @Test
  void swaks_oversizeMessageRefusedWith552() throws Exception {
    start(settings().withMessageLimits(2048, 100));
    Swaks.Run run = Swaks.send(receiver.localAddress(), REPORTS,
        List.of("--data", "@" + TWILIGHT));
    assertThat(run.exitCode()).as(run.transcript()).isEqualTo(26); // refused after data
    assertThat(run.transcript()).contains("<** 552 5.3.4");
    assertThat(sink.delivered).isEmpty();
  }

  @Test
  void swaks_sinkFailureIsATemporaryFailure() throws Exception {
    sink.failWith = new IllegalStateException("archive not writable");
    start(settings());
    Swaks.Run run = Swaks.send(receiver.localAddress(), REPORTS,
        List.of("--data", "@" + TWILIGHT));
    assertThat(run.exitCode()).as(run.transcript()).isEqualTo(26);
    assertThat(run.transcript()).contains("<** 451 4.3.0")
        .doesNotContain("archive not writable", "Exception");
    assertThat(sink.delivered).isEmpty();
  }

  @Test
  void swaks_startTlsWithKeytoolPkcs12() throws Exception {
    start(settings().withTls(TestCertificates.pkcs12(), true));
    Swaks.Run run = Swaks.send(receiver.localAddress(), REPORTS,
        List.of("--data", "@" + TWILIGHT, "--tls"));
    assertThat(run.exitCode()).as(run.transcript()).isZero();
    assertThat(run.transcript()).contains("<-  220 2.0.0 Ready to start TLS", "TLS started");
    RecordingSink.Delivered d = sink.only();
    assertThat(d.text()).contains(" with ESMTPS id ");
    assertThat(d.afterReceivedHeader()).isEqualTo(asSent(TWILIGHT));
  }

  @Test
  void swaks_startTlsWithPemCertificateAndKey() throws Exception {
    start(settings().withTls(TestCertificates.pem(dir, false), false));
    Swaks.Run run = Swaks.send(receiver.localAddress(), REPORTS,
        List.of("--data", "@" + TWILIGHT, "--tls"));
    assertThat(run.exitCode()).as(run.transcript()).isZero();
    assertThat(sink.only().text()).contains(" with ESMTPS id ");
  }

  @Test
  void swaks_plaintextRefusedWhenTlsRequired() throws Exception {
    start(settings().withTls(TestCertificates.pkcs12(), true));
    Swaks.Run run = Swaks.send(receiver.localAddress(), REPORTS,
        List.of("--data", "@" + TWILIGHT));
    assertThat(run.exitCode()).as(run.transcript()).isEqualTo(23);
    assertThat(run.transcript()).contains("<** 530 5.7.0");
    assertThat(sink.delivered).isEmpty();
  }
}
