package dev.vigie.enrich;

import java.util.List;

/** A {@link KnownSender} that a source was identified as, with the observations that said so. */
public record SenderMatch(KnownSender sender, List<Evidence> evidence) {

  public SenderMatch {
    evidence = List.copyOf(evidence);
  }

  /** At least one observation other than the ASN. */
  public boolean strong() {
    return evidence.stream().anyMatch(Evidence::strong);
  }

  public int score() {
    return evidence.stream().mapToInt(e -> e.kind().weight()).sum();
  }

  /** Named by a signature or bounce domain of a service that is not bulk infrastructure. */
  boolean brand() {
    return sender.category() != SenderCategory.TRANSACTIONAL
        && evidence.stream().anyMatch(Evidence::names);
  }
}
