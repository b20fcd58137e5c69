package dev.vigie.road;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A legitimate sender (classified {@code AUTHORISED_FAILING}) whose mail still fails DMARC, so
 * enforcing would quarantine or reject it.
 *
 * @param failing its failing messages in the readiness window
 * @param sharePercent their share of all the domain's messages in the window, 0–100
 * @param fixes how to make it pass ({@link Fixes})
 */
public record Blocker(
    String serviceKey,
    @Nullable String senderId,
    String name,
    long failing,
    double sharePercent,
    List<Advice> fixes) {

  public Blocker {
    fixes = List.copyOf(fixes);
  }
}
