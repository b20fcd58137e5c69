package dev.vigie.dns;

/**
 * How a lookup ended. {@link #TIMEOUT} and {@link #SERVFAIL} are temporary: a check that meets
 * them reports a temporary error, never "invalid" (RFC 7208 §2.6.6 temperror).
 */
public enum DnsStatus {
  /** The name exists; {@code records} may still be empty (NODATA). */
  NOERROR,
  /** The name does not exist (RCODE 3). */
  NXDOMAIN,
  SERVFAIL,
  REFUSED,
  TIMEOUT;

  public boolean isTemporary() {
    return this == SERVFAIL || this == TIMEOUT || this == REFUSED;
  }
}
