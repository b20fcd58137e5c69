package dev.vigie.ingest.imap;

import static dev.vigie.ingest.imap.ImapSourceTest.reportEmails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigie.testing.LocalDovecot;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/** IMAPS (RFC 8314 implicit TLS) and STARTTLS against Dovecot with a self-signed certificate. */
@Timeout(60)
class ImapSourceTlsTest {
  private static LocalDovecot dovecot;
  private final List<String> logs = Collections.synchronizedList(new ArrayList<>());
  private final ExtractingSink sink = new ExtractingSink();
  private String user;

  @BeforeAll
  static void startDovecot() throws Exception {
    assumeTrue(LocalDovecot.available(), ImapSourceTest.NO_DOVECOT);
    dovecot = LocalDovecot.start(true, null);
  }

  @AfterAll
  static void stopDovecot() {
    if (dovecot != null) {
      dovecot.close();
    }
  }

  @BeforeEach
  void newMailbox(TestInfo test) throws IOException {
    user = dovecot.addUser(test.getTestMethod().orElseThrow().getName());
    dovecot.deliver(user, "INBOX", Files.readAllBytes(reportEmails().get(0)));
  }

  private ImapSettings.Builder settings(String host, ImapSettings.Security security) {
    return ImapSettings.builder(host, user, LocalDovecot.PASSWORD).security(security)
        .port(security == ImapSettings.Security.IMAPS ? dovecot.imapsPort() : dovecot.port())
        .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));
  }

  private ImapRound drain(ImapSettings.Builder settings) throws IOException {
    return new ImapSource(settings.build(), sink, Clock.systemUTC(), logs::add).drainOnce();
  }

  @Test
  void drainOnce_imapsWithPemTrustStore_verifiesAndArchives() throws Exception {
    ImapRound round = drain(settings("localhost", ImapSettings.Security.IMAPS)
        .trustStore(dovecot.certificate(), null));

    assertThat(round).isEqualTo(new ImapRound(1, 0, 0));
    assertThat(dovecot.count(user, "Archive")).isEqualTo(1);
  }

  @Test
  void drainOnce_starttlsWithPemTrustStore_verifiesAndArchives() throws Exception {
    ImapRound round = drain(settings("localhost", ImapSettings.Security.STARTTLS)
        .trustStore(dovecot.certificate(), null));

    assertThat(round).isEqualTo(new ImapRound(1, 0, 0));
    assertThat(dovecot.log()).contains("user=<" + user + ">", "TLS");
  }

  @Test
  void drainOnce_certificateNotTrusted_failsWithOneLineAndKeepsMail() throws Exception {
    assertThatThrownBy(() -> drain(settings("localhost", ImapSettings.Security.IMAPS)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("imap://" + user + "@localhost:")
        .hasMessageNotContaining("\n")
        .message().containsIgnoringCase("certificat");
    assertThat(sink.calls()).isZero();
    assertThat(dovecot.count(user, "INBOX")).isEqualTo(1);
  }

  @Test
  void drainOnce_hostNameNotInCertificate_fails() throws Exception {
    // 127.0.0.2 is loopback too, but the certificate names only localhost and 127.0.0.1
    assertThatThrownBy(() -> drain(settings("127.0.0.2", ImapSettings.Security.IMAPS)
        .trustStore(dovecot.certificate(), null)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("No subject alternative names matching IP address 127.0.0.2");
    assertThat(sink.calls()).isZero();
  }

  @Test
  void drainOnce_imapsToIpAddressNamedInCertificate_verifies() throws Exception {
    ImapRound round = drain(settings("127.0.0.1", ImapSettings.Security.IMAPS)
        .trustStore(dovecot.certificate(), null));

    assertThat(round).isEqualTo(new ImapRound(1, 0, 0));
  }

  @Test
  void drainOnce_insecureTrustAll_connects() throws Exception {
    ImapRound round = drain(settings("localhost", ImapSettings.Security.IMAPS)
        .insecureTrustAll(true));

    assertThat(round).isEqualTo(new ImapRound(1, 0, 0));
  }
}
