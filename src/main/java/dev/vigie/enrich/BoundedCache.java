package dev.vigie.enrich;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** A least-recently-used map of at most {@code capacity} entries, safe for concurrent use. */
final class BoundedCache<K, V> {
  private final Map<K, V> map;

  BoundedCache(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be >= 0: " + capacity);
    }
    this.map = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized V computeIfAbsent(K key, Function<K, V> create) {
    V v = map.get(key);
    if (v == null) {
      v = create.apply(key);
      map.put(key, v);
    }
    return v;
  }

  synchronized @Nullable V get(K key) {
    return map.get(key);
  }

  synchronized void remove(K key, V value) {
    map.remove(key, value);
  }

  synchronized int size() {
    return map.size();
  }
}
