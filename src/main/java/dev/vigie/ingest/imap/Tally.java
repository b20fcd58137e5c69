package dev.vigie.ingest.imap;

import java.util.concurrent.atomic.AtomicLong;

/** Running totals, updated by the source thread and read by anyone. */
final class Tally {
  final AtomicLong archived = new AtomicLong();
  final AtomicLong invalid = new AtomicLong();
  final AtomicLong kept = new AtomicLong();
  final AtomicLong connections = new AtomicLong();

  ImapStats snapshot(boolean idling) {
    return new ImapStats(archived.get(), invalid.get(), kept.get(), connections.get(), idling);
  }
}
