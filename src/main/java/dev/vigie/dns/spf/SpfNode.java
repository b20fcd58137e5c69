package dev.vigie.dns.spf;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One record in a domain's include tree, as the analyser found it.
 *
 * @param domain the domain whose record this is
 * @param via how it was reached: "root", "include" or "redirect"
 * @param record the SPF record text; null when there is none to show
 * @param status whether the record could be used
 * @param lookups DNS-querying terms in this record itself (include, a, mx, ptr, exists, redirect)
 * @param totalLookups this record's lookups plus those of everything it includes or redirects to:
 *     what it costs against the limit of 10 (RFC 7208 §4.6.4) when every term is evaluated
 * @param voidTargets names this record's a/mx/exists terms point to that have no records
 * @param children the records reached through include and redirect, in order
 */
public record SpfNode(
    String domain,
    String via,
    @Nullable String record,
    Status status,
    int lookups,
    int totalLookups,
    List<String> voidTargets,
    List<SpfNode> children) {

  /** Whether a record could be found and read. */
  public enum Status { OK, MISSING, NXDOMAIN, MULTIPLE, TEMPORARY_ERROR, SYNTAX_ERROR, LOOP,
    NOT_FOLLOWED }

  public SpfNode {
    voidTargets = List.copyOf(voidTargets);
    children = List.copyOf(children);
  }

  /** Void lookups in this record and everything below it. */
  public int totalVoidLookups() {
    return voidTargets.size() + children.stream().mapToInt(SpfNode::totalVoidLookups).sum();
  }
}
