package dev.vigie.ingest.imap;

import static dev.vigie.ingest.imap.ImapSourceTest.await;
import static dev.vigie.ingest.imap.ImapSourceTest.reportEmails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigie.testing.LocalDovecot;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link ImapSource} against Dovecot told to advertise fewer extensions, as older servers do: no
 * MOVE (RFC 6851) and no IDLE (RFC 2177), with or without UIDPLUS (RFC 4315).
 */
@Timeout(60)
class ImapSourceLegacyServerTest {
  private final List<String> logs = Collections.synchronizedList(new ArrayList<>());
  private final ExtractingSink sink = new ExtractingSink();

  @Test
  void run_noIdleNoMove_pollsAndCopiesThenUidExpunges() throws Exception {
    assumeTrue(LocalDovecot.available(), ImapSourceTest.NO_DOVECOT);
    try (LocalDovecot dovecot = LocalDovecot.start(false, "IMAP4rev1 LITERAL+ UIDPLUS")) {
      String user = dovecot.addUser("legacy");
      dovecot.deliver(user, "INBOX", Files.readAllBytes(reportEmails().get(0)));
      dovecot.deliver(user, "INBOX", Files.readAllBytes(reportEmails().get(1)));
      ImapSource source = new ImapSource(ImapSourceTest.settings(dovecot, user).build(), sink,
          Clock.systemUTC(), logs::add);
      source.start();
      try {
        await(() -> source.stats().archived() == 2);
        dovecot.deliver(user, "INBOX", Files.readAllBytes(reportEmails().get(2)));
        await(() -> source.stats().archived() == 3); // found by polling (every 200 ms here)
      } finally {
        source.stop();
      }
      assertThat(logs)
          .anyMatch(l -> l.endsWith("connected (no IDLE: polling, COPY+EXPUNGE, UIDPLUS)"));
      assertThat(dovecot.count(user, "INBOX")).isZero();
      assertThat(dovecot.count(user, "Archive")).isEqualTo(3);
      assertThat(sink.calls()).isEqualTo(3);
    }
  }

  @Test
  void drainOnce_noUidPlus_copiesThenExpunges() throws Exception {
    assumeTrue(LocalDovecot.available(), ImapSourceTest.NO_DOVECOT);
    try (LocalDovecot dovecot = LocalDovecot.start(false, "IMAP4rev1")) {
      String user = dovecot.addUser("older");
      for (int i = 0; i < 3; i++) {
        dovecot.deliver(user, "INBOX", Files.readAllBytes(reportEmails().get(i)));
      }
      dovecot.deliver(user, "INBOX", ImapSourceTest.smallMessage(1));

      ImapRound round = new ImapSource(ImapSourceTest.settings(dovecot, user).build(), sink,
          Clock.systemUTC(), logs::add).drainOnce();

      assertThat(round).isEqualTo(new ImapRound(3, 1, 0));
      assertThat(dovecot.count(user, "INBOX")).isZero();
      assertThat(dovecot.count(user, "Archive")).isEqualTo(3);
      assertThat(dovecot.count(user, "Invalid")).isEqualTo(1);
    }
  }
}
