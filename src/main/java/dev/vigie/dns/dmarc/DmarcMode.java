package dev.vigie.dns.dmarc;

/** Which DMARC specification a record is read against. */
public enum DmarcMode {
  /**
   * RFC 9989 (DMARCbis): tags np, psd, t; pct, rf and ri removed; policy discovery by DNS tree
   * walk (§4.10).
   */
  RFC9989,
  /**
   * RFC 7489 (with the RFC 9091 np tag): pct, rf, ri are valid; policy discovery falls back to the
   * Public Suffix List organisational domain (§6.6.3).
   */
  RFC7489
}
