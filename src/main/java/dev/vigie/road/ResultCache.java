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
 *
 * <p>Past its time an answer is still served while one background refresh replaces it (stale
 * while revalidating), so steady reading never waits for a query; an answer unread for ten times
 * its time is computed afresh instead, while the caller waits.
 */
final class ResultCache {
  private record Entry(Instant expires, CompletableFuture<Object> value,
      java.util.concurrent.atomic.AtomicBoolean refreshing) {
    Entry(Instant expires, CompletableFuture<Object> value) {
      this(expires, value, new java.util.concurrent.atomic.AtomicBoolean());
    }
  }

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
    Entry current = entries.get(key);
    if (current != null && !current.expires().isAfter(now) && usable(current)
        && current.expires().plus(ttl.multipliedBy(9)).isAfter(now)) {
      if (current.refreshing().compareAndSet(false, true)) {
        Thread.ofVirtual().name("vigie-dashboard-refresh").start(() -> {
          try {
            Object fresh = compute.get();
            entries.replace(key, current,
                new Entry(clock.instant().plus(ttl), CompletableFuture.completedFuture(fresh)));
          } catch (RuntimeException ex) {
            current.refreshing().set(false); // keep serving the old answer; try again later
          }
        });
      }
      return (T) current.value().join();
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

  private static boolean usable(Entry e) {
    return e.value().isDone() && !e.value().isCompletedExceptionally();
  }

  void clear() {
    entries.clear();
  }
}
