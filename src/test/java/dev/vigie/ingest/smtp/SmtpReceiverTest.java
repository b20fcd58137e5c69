package dev.vigie.ingest.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.ingest.Source;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The receiver over a plain JDK socket: pipelining, odd input, limits, failures, shutdown. */
@Timeout(60)
class SmtpReceiverTest {
  static final String REPORTS = "dmarc@msp.example";

  final RecordingSink sink = new RecordingSink();
  SmtpReceiver receiver;

  static SmtpSettings settings() {
    return SmtpSettings.defaults("mx.vigie.test", List.of(REPORTS, "@reports.msp.example"))
        .withBind(InetAddress.getLoopbackAddress(), 0);
  }

  SmtpClient connect(SmtpSettings s) throws Exception {
    receiver = new SmtpReceiver(s, sink);
    receiver.start();
    SmtpClient client = new SmtpClient(receiver.localAddress());
    assertThat(client.reply()).startsWith("220 mx.vigie.test ESMTP");
    return client;
  }

  @AfterEach
  void stop() {
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void pipelinedTransaction_deliversUnstuffedMessageAfterReceivedHeader() throws Exception {
    try (SmtpClient c = connect(settings())) {
      assertThat(c.command("EHLO client.example")).contains("250-PIPELINING", "250-SIZE 33554432",
          "250-8BITMIME", "250 ENHANCEDSTATUSCODES").doesNotContain("STARTTLS", "AUTH");
      c.send("MAIL FROM:<bounce@google.com> SIZE=60 BODY=8BITMIME\r\nRCPT TO:<DMARC@msp.example>\r\n"
          + "RCPT TO:<someone@elsewhere.example>\r\nRCPT TO:<rua@Reports.MSP.example>\r\nDATA\r\n");
      assertThat(c.reply()).isEqualTo("250 2.1.0 Ok");
      assertThat(c.reply()).isEqualTo("250 2.1.5 Ok");
      assertThat(c.reply()).startsWith("550 5.1.1 <someone@elsewhere.example>");
      assertThat(c.reply()).isEqualTo("250 2.1.5 Ok");
      assertThat(c.reply()).startsWith("354 ");
      c.send("Subject: x\r\n\r\n..leading dot\r\n..\r\nlast\r\n.\r\n");
      assertThat(c.reply()).startsWith("250 2.0.0 Ok: stored as ");
      assertThat(c.command("QUIT")).startsWith("221 2.0.0");
    }
    RecordingSink.Delivered d = sink.only();
    assertThat(d.afterReceivedHeader())
        .isEqualTo("Subject: x\r\n\r\n.leading dot\r\n.\r\nlast\r\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(d.text()).startsWith("Received: from client.example ([127.0.0.1])\r\n\tby mx.vigie.test"
        + " (Vigie) with ESMTP id ").doesNotContain("\tfor <");
    assertThat(d.source().kind()).isEqualTo(Source.Kind.SMTP);
    assertThat(d.source().name())
        .isEqualTo("smtp from 127.0.0.1 for dmarc@msp.example, rua@reports.msp.example");
  }

  @Test
  void commandsBeforeEhlo_areRefusedOrAnswered() throws Exception {
    try (SmtpClient c = connect(settings())) {
      assertThat(c.command("MAIL FROM:<a@b.example>")).startsWith("503 5.5.1");
      assertThat(c.command("RCPT TO:<" + REPORTS + ">")).startsWith("503 5.5.1");
      assertThat(c.command("DATA")).startsWith("503 5.5.1");
      assertThat(c.command("STARTTLS")).startsWith("502 5.5.1");
      assertThat(c.command("NOOP")).isEqualTo("250 2.0.0 Ok");
      assertThat(c.command("RSET")).isEqualTo("250 2.0.0 Ok");
      assertThat(c.command("VRFY postmaster")).startsWith("502 5.5.1");
      assertThat(c.command("EXPN staff")).startsWith("502 5.5.1");
      assertThat(c.command("AUTH PLAIN AGFiYwBkZWY=")).startsWith("502 5.5.1");
      assertThat(c.command("HELP")).startsWith("214-").endsWith("214 2.0.0 End of HELP");
      assertThat(c.command("XYZZY")).startsWith("500 5.5.2");
      assertThat(c.command("")).startsWith("500 5.5.2");
      assertThat(c.command("EHLO")).startsWith("501 5.5.4");
      assertThat(c.command("HELO old.example")).isEqualTo("250 mx.vigie.test");
      assertThat(c.command("MAIL FROM:<a@b.example> SIZE=10")).startsWith("555 5.5.4");
      assertThat(c.command("MAIL FROM:<a@b.example>")).startsWith("250");
      assertThat(c.command("MAIL FROM:<a@b.example>")).startsWith("503 5.5.1 Nested");
      assertThat(c.command("DATA")).startsWith("554 5.5.1 No valid recipients");
    }
    assertThat(sink.delivered).isEmpty();
  }

  @Test
  void bareLfLineEndings_acceptedInCommandsButNeverEndData() throws Exception {
    try (SmtpClient c = connect(settings())) {
      c.send("EHLO lf.example\nMAIL FROM:<>\nRCPT TO:<" + REPORTS + ">\nDATA\n");
      assertThat(c.reply()).startsWith("250-mx.vigie.test");
      assertThat(c.reply()).startsWith("250 2.1.0");
      assertThat(c.reply()).startsWith("250 2.1.5");
      assertThat(c.reply()).startsWith("354");
      // "\n.\n" and "\r\n.\n" are data (the SMTP smuggling ambiguity); only CRLF.CRLF ends it.
      c.send("a\n.\nb\r\n.\nMAIL FROM:<x@evil.example>\nc\r\n.\r\n");
      assertThat(c.reply()).startsWith("250 2.0.0");
    }
    assertThat(sink.only().afterReceivedHeader()).isEqualTo(
        "a\n.\nb\r\n\nMAIL FROM:<x@evil.example>\nc\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void veryLongLines_commandRefusedDataKept() throws Exception {
    try (SmtpClient c = connect(settings())) {
      c.command("EHLO client.example");
      assertThat(c.command("NOOP " + "x".repeat(100_000))).isEqualTo("500 5.5.2 Line too long");
      assertThat(c.command("MAIL FROM:<a@b.example>")).startsWith("250");
      assertThat(c.command("RCPT TO:<" + REPORTS + ">")).startsWith("250");
      assertThat(c.command("DATA")).startsWith("354");
      // Over RFC 5321's 1000 octets, yet a report must not be lost for it.
      assertThat(c.command("Subject: long\r\n\r\n" + longLine() + "\r\n.")).startsWith("250 2.0.0");
    }
    assertThat(new String(sink.only().afterReceivedHeader(), StandardCharsets.US_ASCII))
        .endsWith(longLine() + "\r\n");
  }

  private static String longLine() {
    return "y".repeat(50_000);
  }

  @Test
  void oversizeMessage_refusedWith552AndConnectionStaysUsable() throws Exception {
    try (SmtpClient c = connect(settings().withMessageLimits(1000, 100))) {
      assertThat(c.command("EHLO client.example")).contains("250-SIZE 1000");
      assertThat(c.command("MAIL FROM:<a@b.example> SIZE=1001")).startsWith("552 5.3.4");
      assertThat(c.command("MAIL FROM:<a@b.example> SIZE=99999999999999999999"))
          .startsWith("501 5.5.4");
      assertThat(c.command("MAIL FROM:<a@b.example> SIZE=900")).startsWith("250");
      assertThat(c.command("RCPT TO:<" + REPORTS + ">")).startsWith("250");
      assertThat(c.command("DATA")).startsWith("354");
      // 200 kB in lines that look like commands: all drained as data, none obeyed.
      assertThat(c.command("RSET\r\n".repeat(40_000) + ".")).startsWith("552 5.3.4");
      assertThat(c.command("MAIL FROM:<a@b.example>")).startsWith("250");
      assertThat(c.command("RCPT TO:<" + REPORTS + ">")).startsWith("250");
      assertThat(c.command("DATA")).startsWith("354");
      assertThat(c.command("x".repeat(998) + "\r\n.")).startsWith("250"); // 1000 bytes: fits
    }
    assertThat(sink.only().afterReceivedHeader()).hasSize(1000);
  }

  @Test
  void sinkFailure_replies451AndNextMessageIsStored() throws Exception {
    sink.failWith = new IllegalStateException("disk full /var/lib/vigie");
    try (SmtpClient c = connect(settings())) {
      c.command("EHLO client.example");
      c.send("MAIL FROM:<a@b.example>\r\nRCPT TO:<" + REPORTS + ">\r\nDATA\r\n");
      c.reply();
      c.reply();
      assertThat(c.reply()).startsWith("354");
      String reply = c.command("Subject: one\r\n\r\nbody\r\n.");
      assertThat(reply).isEqualTo("451 4.3.0 Could not store the message, try again later");
      sink.failWith = null;
      c.send("MAIL FROM:<a@b.example>\r\nRCPT TO:<" + REPORTS + ">\r\nDATA\r\n");
      c.reply();
      c.reply();
      c.reply();
      assertThat(c.command("Subject: two\r\n\r\nbody\r\n.")).startsWith("250 2.0.0");
    }
    assertThat(sink.only().text()).contains("Subject: two").contains("\tfor <" + REPORTS + ">");
  }

  @Test
  void recipientLimit_replies452AndCountsDistinctAddresses() throws Exception {
    try (SmtpClient c = connect(settings().withMessageLimits(1000, 2))) {
      c.command("EHLO client.example");
      c.command("MAIL FROM:<a@b.example>");
      assertThat(c.command("RCPT TO:<a@reports.msp.example>")).startsWith("250");
      assertThat(c.command("RCPT TO:<@relay.example:b@reports.msp.example>")).startsWith("250");
      assertThat(c.command("RCPT TO:<A@reports.msp.example>")).startsWith("250");
      assertThat(c.command("RCPT TO:<c@reports.msp.example>")).startsWith("452 4.5.3");
      assertThat(c.command("RCPT TO:<" + REPORTS + "> NOTIFY=NEVER")).startsWith("555");
      assertThat(c.command("RCPT TO:")).startsWith("501");
    }
  }

  @Test
  void commandBudget_closesWith421() throws Exception {
    SmtpSettings s = settings().withConnectionLimits(10, 5, 5, Duration.ofSeconds(30),
        Duration.ofMinutes(5));
    try (SmtpClient c = connect(s)) {
      c.send("NOOP\r\n".repeat(6));
      for (int i = 0; i < 5; i++) {
        assertThat(c.reply()).isEqualTo("250 2.0.0 Ok");
      }
      assertThat(c.reply()).startsWith("421 4.7.0");
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void idleClient_closedWith421AfterIdleTimeout() throws Exception {
    SmtpSettings s = settings().withConnectionLimits(10, 5, 100, Duration.ofMillis(300),
        Duration.ofMinutes(5));
    try (SmtpClient c = connect(s)) {
      c.send("EHLO slow.example\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<" + REPORTS
          + ">\r\nDATA\r\npart of a message");
      c.reply();
      c.reply();
      c.reply();
      c.reply();
      assertThat(c.reply()).startsWith("421 4.4.2");
      assertThat(c.closedByServer()).isTrue();
    }
    assertThat(sink.delivered).isEmpty();
  }

  @Test
  void sessionDeadline_endsAClientThatKeepsTalking() throws Exception {
    SmtpSettings s = settings().withConnectionLimits(10, 5, 10_000, Duration.ofSeconds(5),
        Duration.ofMillis(500));
    try (SmtpClient c = connect(s)) {
      String reply = "";
      for (int i = 0; i < 100 && !reply.startsWith("421"); i++) {
        Thread.sleep(20);
        reply = c.command("NOOP");
      }
      assertThat(reply).startsWith("421 4.4.2").contains("session time limit");
    }
  }

  @Test
  void perPeerLimit_refusesExtraConnectionWith421() throws Exception {
    SmtpSettings s = settings().withConnectionLimits(10, 1, 100, Duration.ofSeconds(30),
        Duration.ofMinutes(5));
    try (SmtpClient first = connect(s);
        SmtpClient second = new SmtpClient(receiver.localAddress())) {
      assertThat(second.reply()).startsWith("421 4.7.0");
      assertThat(second.closedByServer()).isTrue();
      assertThat(first.command("NOOP")).startsWith("250");
    }
  }

  @Test
  void httpRequest_closedAtOnce() throws Exception {
    try (SmtpClient c = connect(settings())) {
      assertThat(c.command("GET / HTTP/1.1")).startsWith("421");
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void stop_letsAMessageBeingStoredFinishThenCloses() throws Exception {
    sink.hold = new CountDownLatch(1);
    try (SmtpClient c = connect(settings())) {
      c.command("EHLO client.example");
      c.send("MAIL FROM:<a@b.example>\r\nRCPT TO:<" + REPORTS + ">\r\nDATA\r\n");
      c.reply();
      c.reply();
      c.reply();
      c.send("Subject: during stop\r\n\r\n.\r\n");
      assertThat(sink.entered.await(10, TimeUnit.SECONDS)).isTrue();
      Thread stopper = Thread.ofVirtual().start(receiver::stop);
      Thread.sleep(200);
      sink.hold.countDown();
      assertThat(c.reply()).startsWith("250 2.0.0");
      assertThat(c.reply()).startsWith("421 4.3.2");
      stopper.join(10_000);
      assertThat(stopper.isAlive()).isFalse();
    }
    assertThat(sink.delivered).hasSize(1);
  }

  @Test
  void requireTls_refusesMailInPlaintext() throws Exception {
    try (SmtpClient c = connect(settings().withTls(TestCertificates.pkcs12(), true))) {
      assertThat(c.command("EHLO client.example")).contains("250-STARTTLS");
      assertThat(c.command("MAIL FROM:<a@b.example>")).startsWith("530 5.7.0");
      assertThat(c.command("STARTTLS")).startsWith("220 2.0.0");
      c.startTls(TestCertificates.trustAll());
      assertThat(c.command("MAIL FROM:<a@b.example>")).startsWith("503 5.5.1"); // EHLO again
      assertThat(c.command("EHLO client.example")).doesNotContain("STARTTLS");
      assertThat(c.command("STARTTLS")).startsWith("503 5.5.1");
      assertThat(c.command("MAIL FROM:<a@b.example>")).startsWith("250");
      assertThat(c.command("RCPT TO:<" + REPORTS + ">")).startsWith("250");
      assertThat(c.command("DATA")).startsWith("354");
      assertThat(c.command("Subject: secret\r\n\r\nhi\r\n.")).startsWith("250 2.0.0");
    }
    assertThat(sink.only().text()).contains(" with ESMTPS id ");
  }

  @Test
  void startTls_withPipelinedPlaintextClosesConnection() throws Exception {
    try (SmtpClient c = connect(settings().withTls(TestCertificates.pkcs12(), false))) {
      c.command("EHLO client.example");
      c.send("STARTTLS\r\nMAIL FROM:<injected@evil.example>\r\n");
      assertThat(c.reply()).startsWith("220 2.0.0");
      assertThat(c.closedByServer()).isTrue();
    }
  }
}
