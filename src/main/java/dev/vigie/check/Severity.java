package dev.vigie.check;

/** How much a finding matters. */
public enum Severity {
  /** Breaks protection or mail delivery: fix it. */
  ERROR,
  /** Weakens protection or risks breaking it: fix it soon. */
  WARNING,
  /** Worth knowing; nothing to fix. */
  INFO
}
