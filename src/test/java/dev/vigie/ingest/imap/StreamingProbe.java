package dev.vigie.ingest.imap;

import dev.vigie.ingest.IngestResult;
import dev.vigie.ingest.RawSink;
import java.time.Clock;
import java.time.Duration;

/**
 * Drains a loopback mailbox in a JVM of its own (started by {@link ImapSourceStreamingTest} with a
 * small heap) and prints what went through: {@code archived=N ingested=N bytes=B}.
 */
final class StreamingProbe {
  private StreamingProbe() {}

  public static void main(String[] args) throws Exception {
    ImapSettings settings = ImapSettings.builder("127.0.0.1", args[1], args[2])
        .security(ImapSettings.Security.PLAIN).port(Integer.parseInt(args[0])).batchSize(200)
        .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30)).build();
    long[] seen = new long[2];
    RawSink counting = (raw, source) -> {
      seen[0]++;
      seen[1] += raw.length;
      return new IngestResult(Long.toString(seen[0]), false, 1, 0, 0);
    };
    ImapRound round = new ImapSource(settings, counting, Clock.systemUTC(), line -> { })
        .drainOnce();
    System.out.println("archived=" + round.archived() + " ingested=" + seen[0] + " bytes="
        + seen[1]);
  }
}
