package dev.vigie.road;

import java.util.List;

/**
 * A sentence for people, as a message key and its arguments (the web layer owns the wording, in
 * English and French). Keys are stable; see {@code road.*} in the web app's message bundles.
 */
public record Advice(String key, List<String> args) {
  public Advice {
    args = List.copyOf(args);
  }

  public static Advice of(String key, Object... args) {
    return new Advice(key, java.util.Arrays.stream(args).map(String::valueOf).toList());
  }
}
