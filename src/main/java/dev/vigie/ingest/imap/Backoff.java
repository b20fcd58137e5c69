package dev.vigie.ingest.imap;

import java.time.Duration;

/** Pauses between reconnection attempts: doubling from a minimum up to a maximum. */
final class Backoff {
  private final Duration min;
  private final Duration max;
  private Duration next;

  Backoff(Duration min, Duration max) {
    this.min = min;
    this.max = max.compareTo(min) < 0 ? min : max;
    this.next = min;
  }

  Duration next() {
    Duration current = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(max) > 0 ? max : doubled;
    return current;
  }

  void reset() {
    next = min;
  }
}
