package dev.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.testing.LocalDovecot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 `vigie receive` while it drains a real Dovecot mailbox, start it again: the store ends
 * exactly as after an uninterrupted run of the same mailbox, every message ends in Archive, and
 * none was moved before its reports were committed (a moved message is never fetched again, so
 * a move ahead of the commit would show as a report missing from the store).
 */
class ImapCrashIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MESSAGES = 600;
  @TempDir Path dir;

  private Process vigie(Path log, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "--enable-native-access=ALL-UNNAMED", "-jar",
        Path.of("target/vigie.jar").toAbsolutePath().toString()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private Process receive(LocalDovecot dovecot, String user, Path data, Path log, Path password)
      throws Exception {
    return vigie(log, "receive", "--data", data.toString(),
        "--imap-host", dovecot.host(), "--imap-port", Integer.toString(dovecot.port()),
        "--imap-security", "PLAIN", "--imap-user", user, "--imap-password-file",
        password.toString(), "--imap-poll-seconds", "1");
  }

  private JsonNode status(Path data) throws Exception {
    Path out = dir.resolve("status-" + data.getFileName() + ".json");
    Process p = vigie(out, "status", "--format", "json", "--data", data.toString());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String text = Files.readString(out);
    return JSON.readTree(text.substring(text.indexOf('{')));
  }

  private static void await(LocalDovecot dovecot, String user, Process p, Path log)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (System.nanoTime() < deadline && p.isAlive()
        && !(dovecot.count(user, "Archive") == MESSAGES && dovecot.count(user, "INBOX") == 0)) {
      Thread.sleep(100);
    }
    assertThat(p.isAlive()).as(Files.readString(log)).isTrue();
    assertThat(dovecot.count(user, "Archive")).as(Files.readString(log)).isEqualTo(MESSAGES);
    assertThat(dovecot.count(user, "INBOX")).isZero();
  }

  @Test
  void receive_killedAndRestarted_endsLikeAnUninterruptedRun() throws Exception {
    assumeTrue(LocalDovecot.available(), "Dovecot is not installed; .ci/run installs dovecot-imapd");
    Path corpus = dir.resolve("corpus");
    Process gen = new ProcessBuilder("python3", Path.of(System.getProperty("vigie.shared",
        "../shared"), "bench/gen_reports.py").toString(), corpus.toString(), "-n",
        Integer.toString(MESSAGES), "--seed", "11", "--max-records", "100", "--emails",
        "--no-files").redirectErrorStream(true).redirectOutput(dir.resolve("gen.log").toFile())
        .start();
    assertThat(gen.waitFor(180, TimeUnit.SECONDS)).isTrue();
    List<Path> emails;
    try (Stream<Path> s = Files.list(corpus.resolve("emails"))) {
      emails = s.sorted().toList();
    }
    assertThat(emails).hasSize(MESSAGES);

    try (LocalDovecot dovecot = LocalDovecot.start()) {
      for (String user : List.of("clean", "crashed")) {
        dovecot.addUser(user);
        for (Path e : emails) {
          dovecot.deliver(user, "INBOX", Files.readAllBytes(e));
        }
      }
      Path password = Files.writeString(dir.resolve("pw"), LocalDovecot.PASSWORD);

      Path clean = dir.resolve("clean");
      Path cleanLog = dir.resolve("clean.log");
      Process p = receive(dovecot, "clean", clean, cleanLog, password);
      try {
        await(dovecot, "clean", p, cleanLog);
      } finally {
        p.destroy(); // SIGTERM: a clean stop
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      }
      JsonNode expected = status(clean);
      assertThat(expected.get("raw_messages").asLong()).isEqualTo(MESSAGES);
      assertThat(expected.get("reports").asLong()).isEqualTo(MESSAGES);

      Path crashed = dir.resolve("crashed");
      Process victim = receive(dovecot, "crashed", crashed, dir.resolve("victim.log"), password);
      // Kill it once some messages are stored and moved, long before the mailbox is drained.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (System.nanoTime() < deadline && victim.isAlive()
          && dovecot.count("crashed", "Archive") < MESSAGES / 6) {
        Thread.sleep(10);
      }
      int movedBeforeKill = dovecot.count("crashed", "Archive");
      assertThat(victim.isAlive()).as(Files.readString(dir.resolve("victim.log"))).isTrue();
      victim.destroyForcibly(); // SIGKILL: no shutdown hooks, no clean close
      victim.waitFor(30, TimeUnit.SECONDS);
      assertThat(movedBeforeKill).isBetween(1, MESSAGES - 1);
      assertThat(dovecot.count("crashed", "INBOX")).isPositive();

      Path againLog = dir.resolve("again.log");
      Process again = receive(dovecot, "crashed", crashed, againLog, password);
      try {
        await(dovecot, "crashed", again, againLog);
      } finally {
        again.destroy();
        assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();
      }
      JsonNode actual = status(crashed);
      for (String field : List.of("raw_messages", "reports", "records", "messages", "duplicates",
          "quarantined", "unclaimed", "failure_reports", "smtp_tls_reports")) {
        assertThat(actual.get(field).asLong()).as(field).isEqualTo(expected.get(field).asLong());
      }
    }
  }
}
