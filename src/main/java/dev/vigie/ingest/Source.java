package dev.vigie.ingest;

import java.time.Instant;

/**
 * Where and when raw bytes reached Vigie.
 *
 * @param kind how they came
 * @param name which file path, mailbox ("imap://host/INBOX uid 42"), SMTP peer ("smtp from
 *     192.0.2.1 for dmarc@msp.example") or upload
 */
public record Source(Kind kind, String name, Instant receivedAt) {
  public enum Kind { FILE, IMAP, SMTP, UPLOAD }
}
