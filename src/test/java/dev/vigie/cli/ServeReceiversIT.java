package dev.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.testing.LocalDovecot;
import dev.vigie.testing.Samples;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigie serve} with {@code --smtp-port} and {@code --imap-…} (the packaged jar, a real
 * Dovecot, real swaks): one report arrives from the mailbox, another by SMTP, both are stored in
 * the web app's store, the IMAP message is moved to Archive, and SIGTERM stops the receivers and
 * closes the store cleanly.
 */
class ServeReceiversIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void serve_withReceivers_storesReportsFromImapAndSmtp() throws Exception {
    assumeTrue(LocalDovecot.available(), "Dovecot is not installed; .ci/run installs dovecot-imapd");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/swaks")), "swaks is not installed");
    byte[] byImap = Samples.bytes(
        "aggregate/Report domain- borschow.com Submitter- google.com Report-ID- 949348866075514174.eml");
    Path bySmtp = Samples.path("aggregate/mimecast-weird-gzip.eml");
    Path data = dir.resolve("data");
    Path log = dir.resolve("serve.log");
    try (LocalDovecot dovecot = LocalDovecot.start()) {
      dovecot.addUser("dmarc");
      dovecot.deliver("dmarc", "INBOX", byImap);
      Path password = Files.writeString(dir.resolve("pw"), LocalDovecot.PASSWORD);
      int smtpPort = freePort();
      int webPort = freePort();
      Process serve = vigie(log, "serve", "--data", data.toString(),
          "--port", Integer.toString(webPort),
          "--smtp-port", Integer.toString(smtpPort), "--smtp-bind", "127.0.0.1",
          "--accept", "dmarc@msp.test",
          "--imap-host", dovecot.host(), "--imap-port", Integer.toString(dovecot.port()),
          "--imap-security", "PLAIN", "--imap-user", "dmarc", "--imap-password-file",
          password.toString(), "--imap-poll-seconds", "1");
      try {
        // the receivers start side by side: either may report first
        awaitLog(log, "SMTP receiver listening", 60);
        awaitLog(log, "vigie: reading imap://dmarc@", 60);
        assertThat(Files.readString(log)).contains("vigie: serving ")
            .contains("created the MSP admin admin@msp.test");
        // The web app answers in the same process.
        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + webPort + "/api/v1/overview")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (dovecot.count("dmarc", "Archive") < 1 && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        assertThat(dovecot.count("dmarc", "Archive")).as(Files.readString(log)).isEqualTo(1);
        assertThat(dovecot.count("dmarc", "INBOX")).isZero();

        Path swaksLog = dir.resolve("swaks.log");
        Process swaks = new ProcessBuilder("/usr/bin/swaks", "--server", "127.0.0.1", "--port",
            Integer.toString(smtpPort), "--from", "no-reply@au-1.mimecastreport.com", "--to",
            "dmarc@msp.test", "--data", "@" + bySmtp).redirectErrorStream(true)
            .redirectOutput(swaksLog.toFile()).start();
        assertThat(swaks.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // 250 only once stored: by now the report is in the store.
        assertThat(swaks.exitValue()).as(Files.readString(swaksLog)).isZero();
      } finally {
        serve.destroy(); // SIGTERM: receivers stop, then the web server, then the store closes
        assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
      }
    }
    assertThat(Files.readString(log)).doesNotContain("\tat ");
    // The store was closed cleanly: another command opens it, with nothing left to finish.
    Path statusOut = dir.resolve("status.json");
    Process status = vigie(statusOut, "status", "--format", "json", "--data", data.toString());
    assertThat(status.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String text = Files.readString(statusOut);
    assertThat(status.exitValue()).as(text).isZero();
    JsonNode s = JSON.readTree(text.substring(text.indexOf('{')));
    assertThat(s.get("reports").asLong()).as(text).isEqualTo(2);
    assertThat(s.get("duplicates").asLong()).isZero();
    assertThat(s.get("raw_messages").asLong()).isEqualTo(2);
    assertThat(s.get("last_received").findValuesAsText("source"))
        .containsExactlyInAnyOrder("imap", "smtp");
  }

  private Process vigie(Path output, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-jar",
        Path.of("target/vigie.jar").toAbsolutePath().toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(output.toFile());
    pb.environment().put("VIGIE_ADMIN_EMAIL", "admin@msp.test");
    pb.environment().put("VIGIE_ADMIN_PASSWORD", "a long enough password");
    return pb.start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
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
