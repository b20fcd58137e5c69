package dev.vigie.dns.spf;

import dev.vigie.check.Finding;
import java.util.List;

/**
 * What the analyser found for one domain.
 *
 * @param root the domain's record and its include/redirect tree
 * @param findings problems and advice, most severe first
 */
public record SpfAnalysis(String domain, SpfNode root, List<Finding> findings) {
  public SpfAnalysis {
    findings = List.copyOf(findings);
  }

  /** DNS-querying terms of the whole tree: over 10 makes every check a permerror (§4.6.4). */
  public int totalLookups() {
    return root.totalLookups();
  }

  public int voidLookups() {
    return root.totalVoidLookups();
  }

  public boolean has(String code) {
    return findings.stream().anyMatch(f -> f.code().equals(code));
  }
}
