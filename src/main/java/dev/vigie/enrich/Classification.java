package dev.vigie.enrich;

import org.jspecify.annotations.Nullable;

/**
 * The verdict on one aggregate record.
 *
 * @param sender the known service the source was identified as, from every verified signal of the
 *     record (PTR, DKIM, envelope); null when none matched
 */
public record Classification(ClassificationRule rule, @Nullable KnownSender sender) {

  public SourceClass sourceClass() {
    return rule.sourceClass();
  }
}
