package dev.vigie.enrich;

import java.time.Duration;

/**
 * How {@link SourceEnricher} behaves.
 *
 * @param reverseDns ask DNS for PTR names; false for offline use (no DNS query at all)
 * @param confirmReverseDns check that the PTR name resolves back to the address before trusting it
 *     to name a sender (one more query per address)
 * @param threads how many addresses are looked up at once
 * @param timeout the most one address's DNS work may take; past it the result has no PTR name
 *     and is not cached, so a later call tries again
 * @param cacheSize how many addresses' results are kept
 */
public record EnrichOptions(
    boolean reverseDns, boolean confirmReverseDns, int threads, Duration timeout, int cacheSize) {

  public EnrichOptions {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1: " + threads);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    if (cacheSize < 0) {
      throw new IllegalArgumentException("cacheSize must be >= 0: " + cacheSize);
    }
  }

  /** PTR with forward confirmation, 16 lookups at once, 5 s per address, 50,000 addresses cached. */
  public static EnrichOptions defaults() {
    return new EnrichOptions(true, true, 16, Duration.ofSeconds(5), 50_000);
  }

  /** No DNS at all: only the IP database and the catalogue's ASN knowledge. */
  public static EnrichOptions offline() {
    return defaults().withReverseDns(false);
  }

  public EnrichOptions withReverseDns(boolean on) {
    return new EnrichOptions(on, confirmReverseDns, threads, timeout, cacheSize);
  }

  public EnrichOptions withConfirmReverseDns(boolean on) {
    return new EnrichOptions(reverseDns, on, threads, timeout, cacheSize);
  }

  public EnrichOptions withThreads(int n) {
    return new EnrichOptions(reverseDns, confirmReverseDns, n, timeout, cacheSize);
  }

  public EnrichOptions withTimeout(Duration t) {
    return new EnrichOptions(reverseDns, confirmReverseDns, threads, t, cacheSize);
  }

  public EnrichOptions withCacheSize(int n) {
    return new EnrichOptions(reverseDns, confirmReverseDns, threads, timeout, n);
  }
}
