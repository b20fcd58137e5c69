package dev.vigie.web;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Answers remembered for a few seconds: who a bearer token or session cookie is, who owns a
 * domain. Each request asked the store these first, and on the embedded DuckDB one such query
 * costs ≈ 4 ms of a core — more than serving a cached dashboard. Only found answers are kept (a
 * domain added a moment ago is never "not found" from memory); whatever ends an answer here
 * (token revoked, signed out) drops it at once, and the time limit bounds how long another Vigie
 * process sharing a PostgreSQL store may still see it.
 */
final class ShortCache<K, V> {
  private record Entry<V>(V value, long until) {}

  private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
  // bumped by clear(): an answer loaded before a clear is not kept after it
  private final java.util.concurrent.atomic.AtomicLong generation =
      new java.util.concurrent.atomic.AtomicLong();
  private final long ttlNanos;
  private final int maxEntries;

  ShortCache(java.time.Duration ttl, int maxEntries) {
    this.ttlNanos = ttl.toNanos();
    this.maxEntries = maxEntries;
  }

  Optional<V> get(K key, Supplier<Optional<V>> load) {
    long now = System.nanoTime();
    Entry<V> e = entries.get(key);
    if (e != null && now - e.until() < 0) {
      return Optional.of(e.value());
    }
    long gen = generation.get();
    Optional<V> v = load.get();
    if (v.isPresent() && generation.get() == gen) {
      if (entries.size() >= maxEntries) {
        entries.clear(); // bounded without LRU bookkeeping; refilled by the next requests
      }
      entries.put(key, new Entry<>(v.get(), now + ttlNanos));
    } else {
      entries.remove(key);
    }
    return v;
  }

  void remove(K key) {
    entries.remove(key);
  }

  void clear() {
    generation.incrementAndGet();
    entries.clear();
  }
}
