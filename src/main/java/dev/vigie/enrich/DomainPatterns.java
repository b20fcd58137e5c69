package dev.vigie.enrich;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Domain patterns of one kind, each owned by one sender; the longest matching suffix wins. */
final class DomainPatterns {
  record Hit(String pattern, KnownSender sender) {}

  private final Map<String, KnownSender> owners = new HashMap<>();

  /** The sender that already owns the pattern, or null when it was free and is now taken. */
  @Nullable KnownSender add(String pattern, KnownSender sender) {
    return owners.putIfAbsent(pattern, sender);
  }

  /** The most specific pattern equal to {@code name} or to one of its parent domains. */
  @Nullable Hit match(@Nullable String name) {
    if (name == null) {
      return null;
    }
    String n = normalize(name);
    while (!n.isEmpty()) {
      KnownSender s = owners.get(n);
      if (s != null) {
        return new Hit(n, s);
      }
      int dot = n.indexOf('.');
      if (dot < 0) {
        return null;
      }
      n = n.substring(dot + 1);
    }
    return null;
  }

  static String normalize(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }
}
