package dev.vigie.ingest.imap;

import static dev.vigie.ingest.imap.ImapSourceTest.await;
import static dev.vigie.ingest.imap.ImapSourceTest.reportEmails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigie.ingest.IngestResult;
import dev.vigie.ingest.RawSink;
import dev.vigie.ingest.Source;
import dev.vigie.testing.LocalDovecot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link ImapSource#run} survives the IMAP server going away, mid-pass and while idle. */
@Timeout(60)
class ImapSourceRestartTest {
  private final List<String> logs = Collections.synchronizedList(new ArrayList<>());
  private final ExtractingSink sink = new ExtractingSink();
  private LocalDovecot dovecot;
  private String user;

  @BeforeEach
  void startDovecot() throws Exception {
    assumeTrue(LocalDovecot.available(), ImapSourceTest.NO_DOVECOT);
    dovecot = LocalDovecot.start();
    user = dovecot.addUser("restart");
  }

  @AfterEach
  void stopDovecot() {
    if (dovecot != null) {
      dovecot.close();
    }
  }

  @Test
  void run_serverDownMidPass_reconnectsAndFinishes() throws Exception {
    int n = 30;
    byte[] report = Files.readAllBytes(reportEmails().get(0));
    for (int i = 0; i < n; i++) {
      // distinct bytes, same report: a header line in front
      byte[] header = ("X-Copy: " + i + "\r\n").getBytes(StandardCharsets.US_ASCII);
      byte[] raw = new byte[header.length + report.length];
      System.arraycopy(header, 0, raw, 0, header.length);
      System.arraycopy(report, 0, raw, header.length, report.length);
      dovecot.deliver(user, "INBOX", raw);
    }
    AtomicInteger calls = new AtomicInteger();
    RawSink stopsServerOnce = (raw, source) -> {
      IngestResult r = sink.ingest(raw, source);
      if (calls.incrementAndGet() == 10) {
        // The server dies after the 10th message is stored, before the group is moved; it comes
        // back 1 s later, after a few refused reconnection attempts.
        dovecot.stopServer();
        Thread.ofPlatform().daemon().start(() -> {
          try {
            Thread.sleep(1000);
            dovecot.startServer();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
      }
      return r;
    };
    ImapSource source = new ImapSource(ImapSourceTest.settings(dovecot, user).build(),
        stopsServerOnce, Clock.systemUTC(), logs::add);

    source.start();
    try {
      await(() -> countOrZero("Archive") == n && countOrZero("INBOX") == 0);
    } finally {
      source.stop();
    }

    assertThat(sink.distinct()).isEqualTo(n);
    // Messages stored but not yet moved when the server died are stored again: the sink's
    // duplicate recognition is what makes that harmless. At most one move group plus the message
    // already fetched when the connection dropped (a loaded machine lets that one through).
    assertThat(sink.calls()).isBetween(n, n + 11);
    assertThat(source.stats().connections()).isGreaterThanOrEqualTo(2);
    assertThat(logs).anyMatch(l -> l.contains(": connection lost ("));
    assertThat(logs).anyMatch(l -> l.contains(": still unreachable (") && l.contains("retrying"));
    assertThat(logs).anyMatch(l -> l.endsWith(": reconnected (IDLE, MOVE, UIDPLUS)"));
    assertThat(logs).allMatch(l -> !l.contains("\n") && !l.contains("\tat "));
  }

  @Test
  void run_serverRestartWhileIdle_reconnectsAndSeesNewMail() throws Exception {
    ImapSource source = new ImapSource(ImapSourceTest.settings(dovecot, user).build(), sink,
        Clock.systemUTC(), logs::add);
    source.start();
    try {
      await(() -> source.stats().idling());
      dovecot.restart();
      await(() -> source.stats().connections() == 2 && source.stats().idling());
      dovecot.deliver(user, "INBOX", Files.readAllBytes(reportEmails().get(2)));
      await(() -> source.stats().archived() == 1);
    } finally {
      source.stop();
    }
    assertThat(countOrZero("Archive")).isEqualTo(1);
    assertThat(logs).anyMatch(l -> l.contains(": connection lost ("));
  }

  private int countOrZero(String folder) {
    try {
      return dovecot.count(user, folder);
    } catch (java.io.IOException e) {
      return 0;
    }
  }
}
