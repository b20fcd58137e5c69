package dev.vigie.check;

/** How much a test counts toward a domain's score, as internet.nl grades its tests. */
public enum CheckLevel {
  /** Needed for the domain to be protected: weight 3. */
  REQUIRED(3),
  /** Good practice: weight 1. */
  RECOMMENDED(1),
  /** Reported, not scored. */
  INFORMATIONAL(0);

  private final int weight;

  CheckLevel(int weight) {
    this.weight = weight;
  }

  public int weight() {
    return weight;
  }
}
