package dev.vigie.ingest.smtp;

import dev.vigie.ingest.IngestResult;
import dev.vigie.ingest.RawSink;
import dev.vigie.ingest.Source;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Hands one received message to the {@link RawSink}, with its Received header on top, and chooses
 * the reply: 250 only once the sink has returned (the message is durable), 451 when it threw, so
 * that the sender keeps the message and tries again (RFC 5321 §4.2.5, §6.1).
 */
final class Delivery {
  private final RawSink sink;
  private final String hostname;
  private final Clock clock;

  Delivery(RawSink sink, String hostname, Clock clock) {
    this.sink = sink;
    this.hostname = hostname;
    this.clock = clock;
  }

  /**
   * @param protocol "SMTP", "ESMTP" or "ESMTPS" for the Received header
   * @param recipients the accepted recipients, already lower-case, joined by ", "
   * @return the reply to the end of DATA
   */
  String deliver(byte[] message, String helo, String protocol, InetAddress peer,
      String recipients) {
    Instant now = clock.instant();
    String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(4);
    byte[] header = new ReceivedHeader(helo, peer, hostname, protocol, id,
        recipients.contains(",") ? null : recipients, now.atZone(ZoneOffset.UTC)).bytes();
    byte[] raw = new byte[header.length + message.length];
    System.arraycopy(header, 0, raw, 0, header.length);
    System.arraycopy(message, 0, raw, header.length, message.length);
    String from = peer.getHostAddress();
    try {
      IngestResult r = sink.ingest(raw,
          new Source(Source.Kind.SMTP, "smtp from " + from + " for " + recipients, now));
      SmtpSession.LOG.log(Level.INFO, "smtp {0}: stored {1} bytes for {2} as {3} ({4} new"
          + " reports, {5} duplicates, {6} quarantined)", from, raw.length, recipients,
          r.sha256(), r.reports(), r.duplicates(), r.quarantined());
      return "250 2.0.0 Ok: stored as " + r.sha256().substring(0, Math.min(12, r.sha256().length()))
          + " id " + id;
    } catch (RuntimeException e) {
      SmtpSession.LOG.log(Level.WARNING, "smtp {0}: could not store a message for {1}, replied"
          + " 451: {2}", from, recipients, e.toString());
      SmtpSession.LOG.log(Level.DEBUG, "smtp ingest failure", e);
      return "451 4.3.0 Could not store the message, try again later";
    }
  }
}
