package dev.vigie.ingest.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigie.ingest.Source;
import dev.vigie.testing.LocalDovecot;
import dev.vigie.testing.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/** {@link ImapSource} against a real Dovecot (MOVE, UIDPLUS and IDLE available). */
@Timeout(60)
class ImapSourceTest {
  static final String NO_DOVECOT = "Dovecot is not installed (/usr/sbin/dovecot, Debian package"
      + " dovecot-imapd): IMAP tests against a real server skipped";
  private static LocalDovecot dovecot;

  private final List<String> logs = Collections.synchronizedList(new ArrayList<>());
  private final ExtractingSink sink = new ExtractingSink();
  private String user;

  @BeforeAll
  static void startDovecot() throws Exception {
    assumeTrue(LocalDovecot.available(), NO_DOVECOT);
    dovecot = LocalDovecot.start();
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
  }

  static ImapSettings.Builder settings(LocalDovecot server, String user) {
    return ImapSettings.builder(server.host(), user, LocalDovecot.PASSWORD)
        .security(ImapSettings.Security.PLAIN).port(server.port())
        .pollInterval(Duration.ofMillis(200))
        .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10))
        .retry(Duration.ofMillis(100), Duration.ofMillis(400));
  }

  private ImapSource source(ImapSettings.Builder settings) {
    return new ImapSource(settings.build(), sink, Clock.systemUTC(), logs::add);
  }

  static List<Path> reportEmails() throws IOException {
    List<Path> all = new ArrayList<>();
    for (String dir : new String[] {"aggregate", "failure"}) {
      try (Stream<Path> s = Files.list(Samples.path(dir))) {
        s.filter(p -> p.toString().endsWith(".eml")).sorted().forEach(all::add);
      }
    }
    return all;
  }

  @Test
  void drainOnce_reportEmails_ingestedOnceEachAndArchived() throws Exception {
    List<Path> emails = reportEmails();
    assertThat(emails).hasSizeGreaterThanOrEqualTo(8);
    for (Path p : emails) {
      dovecot.deliver(user, "INBOX", Files.readAllBytes(p));
    }

    ImapRound round = source(settings(dovecot, user)).drainOnce();

    assertThat(round).isEqualTo(new ImapRound(emails.size(), 0, 0));
    List<Source> sources = sink.sources();
    assertThat(sources).hasSize(emails.size());
    assertThat(sources).extracting(Source::name).doesNotHaveDuplicates()
        .allMatch(n -> n.matches("imap://" + user + "@127\\.0\\.0\\.1:\\d+/INBOX uid \\d+"));
    assertThat(sources).extracting(Source::kind).containsOnly(Source.Kind.IMAP);
    List<Long> uids = sources.stream()
        .map(s -> Long.parseLong(s.name().substring(s.name().lastIndexOf(' ') + 1))).toList();
    assertThat(uids).isSorted();
    assertThat(dovecot.count(user, "INBOX")).isZero();
    assertThat(dovecot.count(user, "Archive")).isEqualTo(emails.size());
    assertThat(dovecot.folderExists(user, "Invalid")).isTrue();
    assertThat(dovecot.count(user, "Invalid")).isZero();

    assertThat(source(settings(dovecot, user)).drainOnce()).isEqualTo(new ImapRound(0, 0, 0));
    assertThat(sink.calls()).isEqualTo(emails.size());
  }

  @Test
  void drainOnce_ingestThrows_messageStaysAndIsStoredNextRound() throws Exception {
    List<Path> emails = reportEmails().subList(0, 3);
    for (Path p : emails) {
      dovecot.deliver(user, "INBOX", Files.readAllBytes(p));
    }
    byte[] marker = "Report-ID".getBytes(StandardCharsets.US_ASCII);
    sink.failOnce(raw -> indexOf(raw, marker) >= 0 && indexOf(raw, "borschow".getBytes()) >= 0);
    ImapSource source = source(settings(dovecot, user));

    ImapRound first = source.drainOnce();

    assertThat(first).isEqualTo(new ImapRound(2, 0, 1));
    assertThat(dovecot.count(user, "INBOX")).isEqualTo(1);
    assertThat(logs).filteredOn(l -> l.contains("not stored")).singleElement().satisfies(l -> {
      assertThat(l).contains("uid ", "left in INBOX", "archive disk full").doesNotContain("\n");
      assertThat(l).doesNotContain("Exception");
    });

    ImapRound second = source.drainOnce();

    assertThat(second).isEqualTo(new ImapRound(1, 0, 0));
    assertThat(dovecot.count(user, "INBOX")).isZero();
    assertThat(dovecot.count(user, "Archive")).isEqualTo(3);
    assertThat(sink.distinct()).isEqualTo(3);
    assertThat(source.stats().kept()).isEqualTo(1);
  }

  @Test
  void drainOnce_nonReportMessage_movedToInvalid() throws Exception {
    dovecot.deliver(user, "INBOX", ("From: alice@example.com\r\nTo: dmarc@msp.example\r\n"
        + "Subject: lunch?\r\nMessage-ID: <1@example.com>\r\n\r\nShall we meet at noon?\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    dovecot.deliver(user, "INBOX", Files.readAllBytes(reportEmails().get(0)));

    ImapRound round = source(settings(dovecot, user)).drainOnce();

    assertThat(round).isEqualTo(new ImapRound(1, 1, 0));
    assertThat(dovecot.count(user, "Invalid")).isEqualTo(1);
    assertThat(dovecot.count(user, "Archive")).isEqualTo(1);
    assertThat(dovecot.count(user, "INBOX")).isZero();
  }

  @Test
  void drainOnce_messageOverSizeLimit_movedToInvalidUnread() throws Exception {
    dovecot.deliver(user, "INBOX", Files.readAllBytes(reportEmails().get(0)));

    ImapRound round = source(settings(dovecot, user).maxMessageBytes(1000)).drainOnce();

    assertThat(round).isEqualTo(new ImapRound(0, 1, 0));
    assertThat(sink.calls()).isZero();
    assertThat(logs).anyMatch(l -> l.contains("over the 1000-byte limit"));
  }

  @Test
  void drainOnce_manyMessagesInSmallBatches_allInUidOrder() throws Exception {
    int n = 1_000;
    for (int i = 0; i < n; i++) {
      dovecot.deliver(user, "INBOX", smallMessage(i));
    }
    // every 7th one fails once: the windows must step over messages left in place
    sink.failOnce(raw -> seq(raw) % 7 == 3);
    ImapSource source = source(settings(dovecot, user).batchSize(50));

    ImapRound first = source.drainOnce();
    ImapRound second = source.drainOnce();

    int failing = (int) java.util.stream.IntStream.range(0, n).filter(i -> i % 7 == 3).count();
    assertThat(first).isEqualTo(new ImapRound(0, n - failing, failing));
    assertThat(second).isEqualTo(new ImapRound(0, failing, 0));
    assertThat(sink.distinct()).isEqualTo(n);
    assertThat(dovecot.count(user, "INBOX")).isZero();
    assertThat(dovecot.count(user, "Invalid")).isEqualTo(n);
  }

  @Test
  void run_newMailDuringIdle_storedAtOnceAndStopIsPrompt() throws Exception {
    ImapSource source = source(settings(dovecot, user).pollInterval(Duration.ofMinutes(10)));
    source.start();
    await(() -> source.stats().idling());

    dovecot.deliver(user, "INBOX", Files.readAllBytes(reportEmails().get(1)));
    await(() -> source.stats().archived() == 1);

    long t0 = System.nanoTime();
    source.stop();
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
    assertThat(dovecot.count(user, "Archive")).isEqualTo(1);
    assertThat(logs).anyMatch(l -> l.endsWith(": connected (IDLE, MOVE, UIDPLUS)"));
    assertThat(logs).noneMatch(l -> l.contains("lost"));
  }

  @Test
  void run_readTimeoutShorterThanQuietSpell_idleRenewedWithoutDisconnect() throws Exception {
    // A 2 s read timeout: IDLE is re-issued every 1.6 s, before the socket times out.
    ImapSource source = source(settings(dovecot, user)
        .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)));
    source.start();
    try {
      await(() -> source.stats().idling());
      Thread.sleep(4_000);
      dovecot.deliver(user, "INBOX", Files.readAllBytes(reportEmails().get(0)));
      await(() -> source.stats().archived() == 1);
    } finally {
      source.stop();
    }
    assertThat(source.stats().connections()).isEqualTo(1);
    assertThat(logs).noneMatch(l -> l.contains("lost"));
  }

  static byte[] smallMessage(int i) {
    return ("From: test@example.com\r\nSubject: message " + i + "\r\nX-Seq: " + i + "\r\n\r\n"
        + "body " + i + "\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  static int seq(byte[] raw) {
    String s = new String(raw, StandardCharsets.US_ASCII);
    int at = s.indexOf("X-Seq: ") + 7;
    return Integer.parseInt(s.substring(at, s.indexOf('\r', at)));
  }

  static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 20 s");
      }
      Thread.sleep(20);
    }
  }

  static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
