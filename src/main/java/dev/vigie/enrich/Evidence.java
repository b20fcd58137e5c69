package dev.vigie.enrich;

/**
 * One observation that tied a source to a {@link KnownSender}.
 *
 * @param observed the value seen, e.g. the PTR name {@code mail-xyz.outbound.protection.outlook.com}
 * @param pattern the catalogue entry it matched, e.g. {@code outbound.protection.outlook.com}
 */
public record Evidence(Kind kind, String observed, String pattern) {

  /** Where the observation came from, with how much it weighs when candidates compete. */
  public enum Kind {
    /** A forward-confirmed (or trusted) PTR name of the source IP. */
    REVERSE_DNS(2),
    /** A DKIM signature that verified, by its {@code d=} domain. */
    DKIM_DOMAIN(3),
    /** The MAIL FROM domain, when SPF passed for it. */
    ENVELOPE_DOMAIN(3),
    /** The source's autonomous system: shared by everything a big provider hosts, so weak. */
    ASN(1);

    private final int weight;

    Kind(int weight) {
      this.weight = weight;
    }

    public int weight() {
      return weight;
    }
  }

  /** False for an ASN alone: AS16509 is all of AWS, not only Amazon SES. */
  public boolean strong() {
    return kind != Kind.ASN;
  }

  /** Says who vouched for the source: signature or bounce domain, not only the network. */
  boolean names() {
    return kind == Kind.DKIM_DOMAIN || kind == Kind.ENVELOPE_DOMAIN;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case REVERSE_DNS -> "reverse DNS " + observed + " (" + pattern + ")";
      case DKIM_DOMAIN -> "DKIM d=" + observed + " (" + pattern + ")";
      case ENVELOPE_DOMAIN -> "envelope " + observed + " (" + pattern + ")";
      case ASN -> "AS" + observed;
    };
  }
}
