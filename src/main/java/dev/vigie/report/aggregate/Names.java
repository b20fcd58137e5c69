package dev.vigie.report.aggregate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Element names of the aggregate schemas, shared so that the scanner allocates no string for the
 * names it meets millions of times.
 */
final class Names {
  private static final String[] KNOWN = {
    "feedback", "version", "report_metadata", "org_name", "email", "extra_contact_info",
    "report_id", "date_range", "begin", "end", "error", "generator", "policy_published", "domain",
    "adkim", "aspf", "p", "sp", "np", "pct", "fo", "testing", "discovery_method", "record", "row",
    "source_ip", "count", "policy_evaluated", "disposition", "dkim", "spf", "reason", "type",
    "comment", "identifiers", "identities", "envelope_to", "envelope_from", "header_from",
    "auth_results", "selector", "result", "human_result", "scope", "extensions", "schema"
  };
  private static final int SLOTS = 256;
  private static final byte[][] KEYS = new byte[SLOTS][];
  private static final String[] VALUES = new String[SLOTS];

  static {
    for (String k : KNOWN) {
      byte[] kb = k.getBytes(StandardCharsets.US_ASCII);
      int h = hash(kb, 0, kb.length);
      while (KEYS[h] != null) {
        h = (h + 1) & (SLOTS - 1);
      }
      KEYS[h] = kb;
      VALUES[h] = k;
    }
  }

  private Names() {}

  /** The local part (after any {@code prefix:}) of the name in {@code b[from, to)}. */
  static String local(byte[] b, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (b[i] == ':') {
        from = i + 1;
        break;
      }
    }
    int len = to - from;
    if (len > 0) {
      int h = hash(b, from, to);
      byte[] key;
      while ((key = KEYS[h]) != null) {
        if (key.length == len && Arrays.equals(key, 0, len, b, from, to)) {
          return VALUES[h];
        }
        h = (h + 1) & (SLOTS - 1);
      }
    }
    return new String(b, from, len, StandardCharsets.UTF_8);
  }

  private static int hash(byte[] b, int from, int to) {
    int len = to - from;
    if (len == 0) {
      return 0;
    }
    return (len * 31 + b[from] * 7 + b[to - 1] * 13 + b[from + len / 2]) & (SLOTS - 1);
  }
}
