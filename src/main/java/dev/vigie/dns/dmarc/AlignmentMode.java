package dev.vigie.dns.dmarc;

/**
 * Identifier alignment mode, the value of adkim and aspf (RFC 9989, Identifier Alignment
 * Explained; General Record Format).
 */
public enum AlignmentMode {
  /** "r", the default: the organisational domains must match. */
  RELAXED,
  /** "s": the names must be identical. */
  STRICT
}
