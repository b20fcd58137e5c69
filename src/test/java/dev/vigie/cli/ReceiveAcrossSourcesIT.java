package dev.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.testing.LocalDovecot;
import dev.vigie.testing.Samples;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same report arriving three ways — a file, an IMAP mailbox (real Dovecot), SMTP (real
 * swaks) — is stored once and recorded twice as a duplicate; IMAP messages are moved to Archive
 * only once stored.
 */
class ReceiveAcrossSourcesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private Process vigie(Path log, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-jar",
        Path.of("target/vigie.jar").toAbsolutePath().toString()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  @Test
  void receive_sameReportByFileImapAndSmtp_isStoredOnce() throws Exception {
    assumeTrue(LocalDovecot.available(), "Dovecot is not installed; .ci/run installs dovecot-imapd");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/swaks")), "swaks is not installed");
    // The Google report as an email (zip attachment), and the same report as a bare XML file.
    byte[] email = Samples.bytes(
        "aggregate/Report domain- borschow.com Submitter- google.com Report-ID- 949348866075514174.eml");
    Path data = dir.resolve("data");
    try (LocalDovecot dovecot = LocalDovecot.start()) {
      dovecot.addUser("dmarc");
      dovecot.deliver("dmarc", "INBOX", email);
      Path password = Files.writeString(dir.resolve("pw"), LocalDovecot.PASSWORD);
      int smtpPort;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        smtpPort = s.getLocalPort();
      }
      Path log = dir.resolve("receive.log");
      Process receive = vigie(log, "receive", "--data", data.toString(),
          "--smtp-port", Integer.toString(smtpPort), "--smtp-bind", "127.0.0.1",
          "--accept", "dmarc@msp.test",
          "--imap-host", dovecot.host(), "--imap-port", Integer.toString(dovecot.port()),
          "--imap-security", "PLAIN", "--imap-user", "dmarc", "--imap-password-file",
          password.toString(), "--imap-poll-seconds", "1");
      try {
        awaitLog(log, "SMTP receiver listening", 60);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (dovecot.count("dmarc", "Archive") < 1 && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        assertThat(dovecot.count("dmarc", "Archive")).as(Files.readString(log)).isEqualTo(1);
        assertThat(dovecot.count("dmarc", "INBOX")).isZero();

        Path eml = dir.resolve("report.eml");
        Files.write(eml, email);
        Process swaks = new ProcessBuilder("/usr/bin/swaks", "--server", "127.0.0.1", "--port",
            Integer.toString(smtpPort), "--from", "noreply-dmarc-support@google.com", "--to",
            "dmarc@msp.test", "--data", "@" + eml).redirectErrorStream(true)
            .redirectOutput(dir.resolve("swaks.log").toFile()).start();
        assertThat(swaks.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(swaks.exitValue()).as(Files.readString(dir.resolve("swaks.log"))).isZero();

        // While the receiver holds the embedded store, another command says so and stops.
        Path busyLog = dir.resolve("busy.log");
        Process busy = vigie(busyLog, "status", "--data", data.toString());
        assertThat(busy.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(busy.exitValue()).isEqualTo(1);
        assertThat(Files.readString(busyLog)).contains("is in use by another Vigie process")
            .doesNotContain("\tat ");
      } finally {
        receive.destroy(); // SIGTERM: the receiver closes the store cleanly
        assertThat(receive.waitFor(60, TimeUnit.SECONDS)).isTrue();
      }
    }
    // Third path: the zip itself, as a file.
    Path zip = dir.resolve("google.zip");
    byte[] zipped = zipOf(email);
    Files.write(zip, zipped);
    Process ingest = vigie(dir.resolve("ingest.log"), "ingest", "--data", data.toString(), zip.toString());
    assertThat(ingest.waitFor(60, TimeUnit.SECONDS)).isTrue();
    Process status = vigie(dir.resolve("status.json"), "status", "--format", "json", "--data", data.toString());
    assertThat(status.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String text = Files.readString(dir.resolve("status.json"));
    JsonNode s = JSON.readTree(text.substring(text.indexOf('{')));
    assertThat(s.get("reports").asLong()).isEqualTo(1);
    assertThat(s.get("duplicates").asLong()).isEqualTo(2);
    assertThat(s.get("raw_messages").asLong()).isEqualTo(3);
    assertThat(s.get("last_received").findValuesAsText("source"))
        .containsExactlyInAnyOrder("file", "imap", "smtp");
  }

  /** The zip attachment of the email, decoded: the report as Google sends it. */
  private static byte[] zipOf(byte[] email) {
    dev.vigie.report.mail.MailMessage m = new dev.vigie.report.mail.MailReader(
        dev.vigie.report.ParseLimits.defaults()).read(email);
    return m.parts().stream().filter(p -> p.mimeType().contains("zip")).findFirst().orElseThrow()
        .body();
  }

  private static void awaitLog(Path log, String text, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains(text)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no \"" + text + "\" in " + Files.readString(log));
  }
}
