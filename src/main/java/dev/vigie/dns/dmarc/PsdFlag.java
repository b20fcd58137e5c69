package dev.vigie.dns.dmarc;

/** The RFC 9989 psd tag: whether the record is published for a Public Suffix Domain. */
public enum PsdFlag {
  /** psd=y: a Public Suffix Operator's record. */
  YES,
  /** psd=n: this domain is an organisational domain, even if a parent says psd=y. */
  NO,
  /** psd=u or absent, the default: let the tree walk decide. */
  UNSPECIFIED
}
