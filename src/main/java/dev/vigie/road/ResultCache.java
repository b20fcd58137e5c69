package dev.vigie.road;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Keeps dashboard results for a short time, and computes each at most once at a time: when 50
 * technicians open the overview together, one query runs and the others wait for its answer.
 * Reports arrive in batches a few times an hour, so an overview some seconds old loses nothing;
 * {@link #clear()} after an ingest (or an upload in the browser) shows new data at once.
 * A failed computation is not kept.
 */
final class ResultCache {
  private record Entry(Instant expires, CompletableFuture<Object> value) {}

  private static final int MAX_ENTRIES = 10_000;

  private final Duration ttl;
  private final Clock clock;
  private final Map<Object, Entry> entries = new ConcurrentHashMap<>();

  ResultCache(Duration ttl, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
  }

  boolean enabled() {
    return !ttl.isZero();
  }

  @SuppressWarnings("unchecked")
  <T> T get(Object key, Supplier<T> compute) {
    if (!enabled()) {
      return compute.get();
    }
    Instant now = clock.instant();
    if (entries.size() > MAX_ENTRIES) {
      entries.values().removeIf(e -> e.expires().isBefore(now));
      if (entries.size() > MAX_ENTRIES) {
        entries.clear();
      }
    }
    CompletableFuture<Object> mine = new CompletableFuture<>();
    Entry e = entries.compute(key, (k, old) ->
        old != null && old.expires().isAfter(now) ? old : new Entry(now.plus(ttl), mine));
    if (e.value() == mine) {
      try {
        mine.complete(compute.get());
      } catch (RuntimeException ex) {
        entries.remove(key, e);
        mine.completeExceptionally(ex);
        throw ex;
      }
    }
    try {
      return (T) e.value().join();
    } catch (java.util.concurrent.CompletionException ex) {
      if (ex.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw ex;
    }
  }

  void clear() {
    entries.clear();
  }
}
