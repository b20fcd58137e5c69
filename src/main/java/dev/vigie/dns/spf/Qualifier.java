package dev.vigie.dns.spf;

/** A mechanism's qualifier (RFC 7208 §4.6.2); "+" when none is written. */
enum Qualifier {
  PASS('+', SpfVerdict.PASS),
  FAIL('-', SpfVerdict.FAIL),
  SOFTFAIL('~', SpfVerdict.SOFTFAIL),
  NEUTRAL('?', SpfVerdict.NEUTRAL);

  private final char symbol;
  private final SpfVerdict verdict;

  Qualifier(char symbol, SpfVerdict verdict) {
    this.symbol = symbol;
    this.verdict = verdict;
  }

  char symbol() {
    return symbol;
  }

  /** The result check_host() returns when a mechanism with this qualifier matches. */
  SpfVerdict verdict() {
    return verdict;
  }

  static Qualifier of(char c) {
    for (Qualifier q : values()) {
      if (q.symbol == c) {
        return q;
      }
    }
    throw new IllegalArgumentException("not a qualifier: " + c);
  }
}
