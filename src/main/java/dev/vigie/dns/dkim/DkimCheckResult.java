package dev.vigie.dns.dkim;

import dev.vigie.check.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * The DKIM posture of one domain.
 *
 * @param domain the domain, normalised
 * @param selectors one result per selector looked up, requested ones first
 * @param findings findings about the domain as a whole (no key found anywhere)
 */
public record DkimCheckResult(String domain, List<SelectorResult> selectors,
    List<Finding> findings) {

  public DkimCheckResult {
    selectors = List.copyOf(selectors);
    findings = List.copyOf(findings);
  }

  /** The selectors where something is published. */
  public List<SelectorResult> found() {
    return selectors.stream().filter(SelectorResult::found).toList();
  }

  /** Domain findings followed by every selector's findings. */
  public List<Finding> allFindings() {
    List<Finding> all = new ArrayList<>(findings);
    selectors.forEach(s -> all.addAll(s.findings()));
    return all;
  }
}
