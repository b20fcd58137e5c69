package dev.vigie.dns.spf;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A parsed "v=spf1" record (RFC 7208 §4.6).
 *
 * @param mechanisms in evaluation order
 * @param redirect the redirect= domain-spec (§6.1), or null
 * @param explanation the exp= domain-spec (§6.2), or null
 * @param unknownModifiers the names of other modifiers, which evaluation ignores (§6)
 * @param text the record as published
 */
record SpfRecord(
    List<Mechanism> mechanisms,
    @Nullable MacroString redirect,
    @Nullable MacroString explanation,
    List<String> unknownModifiers,
    String text) {

  SpfRecord {
    mechanisms = List.copyOf(mechanisms);
    unknownModifiers = List.copyOf(unknownModifiers);
  }

  @Nullable String redirectSpec() {
    return redirect == null ? null : redirect.text();
  }

  @Nullable String explanationSpec() {
    return explanation == null ? null : explanation.text();
  }
}
