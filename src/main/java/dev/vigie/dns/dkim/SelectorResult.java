package dev.vigie.dns.dkim;

import dev.vigie.check.Finding;
import dev.vigie.dns.DnsStatus;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one selector's lookup found.
 *
 * @param selector the selector, lower-case
 * @param name {@code <selector>._domainkey.<domain>}
 * @param status how the TXT lookup ended
 * @param records the TXT records found (usually one)
 * @param key the parsed key, from the first record that looks like one; null when none
 * @param requested the caller named this selector (not just one of the common guesses)
 * @param findings this selector's findings
 */
public record SelectorResult(
    String selector,
    String name,
    DnsStatus status,
    List<String> records,
    @Nullable DkimKeyRecord key,
    boolean requested,
    List<Finding> findings) {

  public SelectorResult {
    records = List.copyOf(records);
    findings = List.copyOf(findings);
  }

  /** Something is published here (a key, a revoked key, or a broken record). */
  public boolean found() {
    return !records.isEmpty();
  }
}
