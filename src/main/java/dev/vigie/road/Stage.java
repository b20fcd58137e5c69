package dev.vigie.road;

/**
 * Where a domain stands on the road to {@code p=reject}, from its published policy.
 *
 * <ul>
 *   <li>{@link #NONE}: no DMARC record known (neither in DNS nor in any report).
 *   <li>{@link #MONITORING}: {@code p=none}: reports arrive, nothing is enforced.
 *   <li>{@link #QUARANTINE}: {@code p=quarantine}, or an enforcement that is only partial
 *       ({@code p=reject} with {@code pct<100} or {@code t=y}, whose unselected mail receivers
 *       quarantine; see {@link PublishedPolicy#partial()}).
 *   <li>{@link #REJECT}: {@code p=reject} applied to all mail: the end of the road.
 * </ul>
 */
public enum Stage {
  NONE,
  MONITORING,
  QUARANTINE,
  REJECT;

  /** The stage after this one; REJECT is the last. */
  public Stage next() {
    return this == REJECT ? REJECT : values()[ordinal() + 1];
  }
}
