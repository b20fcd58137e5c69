package dev.vigie.ingest.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigie.testing.LocalDovecot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Messages stream through one at a time: 2,000 messages of 40 KB (80 MB in all) pass through a
 * JVM whose whole heap is 32 MB.
 */
@Timeout(90)
class ImapSourceStreamingTest {
  private static final int MESSAGES = 2_000;
  private static final int BODY_BYTES = 40 * 1024;
  private static final String HEAP = "-Xmx32m";

  @Test
  void drainOnce_mailboxLargerThanHeap_streamsThrough() throws Exception {
    assumeTrue(LocalDovecot.available(), ImapSourceTest.NO_DOVECOT);
    try (LocalDovecot dovecot = LocalDovecot.start()) {
      String user = dovecot.addUser("stream");
      byte[] line = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ+/0123456789\r\n"
          .getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < MESSAGES; i++) {
        byte[] head = ("From: big@example.com\r\nSubject: big " + i + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
        byte[] raw = Arrays.copyOf(head, head.length + BODY_BYTES);
        for (int at = head.length; at < raw.length; at++) {
          raw[at] = line[(at - head.length) % line.length];
        }
        dovecot.deliver(user, "INBOX", raw);
      }

      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String classpath = System.getProperty("surefire.test.class.path",
          System.getProperty("java.class.path"));
      Process probe = new ProcessBuilder(java, HEAP, "-cp", classpath,
          StreamingProbe.class.getName(), Integer.toString(dovecot.port()), user,
          LocalDovecot.PASSWORD).redirectErrorStream(true).start();
      String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();

      assertThat(probe.exitValue()).as(out).isZero();
      assertThat(out).contains("archived=" + MESSAGES + " ingested=" + MESSAGES + " bytes=");
      long bytes = Long.parseLong(out.substring(out.indexOf("bytes=") + 6).strip());
      assertThat(bytes).isGreaterThan((long) MESSAGES * BODY_BYTES); // > 2.4 times the heap
      assertThat(dovecot.count(user, "INBOX")).isZero();
      assertThat(dovecot.count(user, "Archive")).isEqualTo(MESSAGES);
    }
  }
}
