package dev.vigie.dns.spf;

import java.util.Locale;

/** The results check_host() can return (RFC 7208 §2.6). */
public enum SpfVerdict {
  NONE, NEUTRAL, PASS, FAIL, SOFTFAIL, TEMPERROR, PERMERROR;

  /** The RFC spelling, e.g. "softfail". */
  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }
}
