package dev.vigie.dns.dmarc;

import dev.vigie.dns.psl.DomainNames;
import java.util.ArrayList;
import java.util.List;

/**
 * The names an RFC 9989 §4.10 DNS tree walk queries, longest first: the starting domain; then, if
 * it has 8 labels or more, its last 7 labels, otherwise one label fewer; then one label fewer at a
 * time down to the top-level domain. At most {@link #MAX_QUERIES} names.
 */
final class TreeWalk {

  /**
   * RFC 9989 §4.10: a shortcut keeps names with many labels to at most eight queries. (Earlier
   * drafts used five queries and four labels.)
   */
  static final int MAX_QUERIES = 8;

  static final int SHORTCUT_LABELS = MAX_QUERIES - 1;

  private TreeWalk() {}

  /** The domains whose {@code _dmarc} names are queried, in order; {@code domain} normalised. */
  static List<String> targets(String domain) {
    List<String> out = new ArrayList<>();
    out.add(domain);
    int labels = DomainNames.labelCount(domain);
    int next = labels >= MAX_QUERIES ? SHORTCUT_LABELS : labels - 1;
    for (int n = next; n >= 1; n--) {
      out.add(DomainNames.lastLabels(domain, n));
    }
    return out;
  }
}
