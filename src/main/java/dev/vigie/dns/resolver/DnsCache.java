package dev.vigie.dns.resolver;

import dev.vigie.dns.DnsAnswer;
import dev.vigie.dns.RecordType;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Answers shared by every check of a run, so that 1,000 domains including the same SPF providers
 * ask for them once. Bounded: when full, it is emptied (simple, and a run refills what it uses).
 */
final class DnsCache {
  private record Key(String name, RecordType type) {}

  private record Entry(DnsAnswer answer, long expiresAtNanos) {}

  private final ConcurrentHashMap<Key, Entry> map = new ConcurrentHashMap<>();
  private final int capacity;

  DnsCache(int capacity) {
    this.capacity = capacity;
  }

  @Nullable DnsAnswer get(String name, RecordType type) {
    Entry e = map.get(new Key(name, type));
    if (e == null) {
      return null;
    }
    if (System.nanoTime() - e.expiresAtNanos > 0) {
      map.remove(new Key(name, type), e);
      return null;
    }
    return e.answer;
  }

  void put(DnsAnswer a, long ttlSeconds) {
    if (ttlSeconds <= 0 || capacity == 0) {
      return;
    }
    if (map.size() >= capacity) {
      map.clear();
    }
    map.put(new Key(a.name(), a.type()), new Entry(a, System.nanoTime() + ttlSeconds * 1_000_000_000L));
  }
}
