package dev.vigie.dns.bimi;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The BIMI posture of one domain.
 *
 * @param domain the checked domain, normalised (as given when it is not a valid name)
 * @param selector the selector checked, "default" unless given
 * @param recordName where the record applying to the domain was found; null when none was
 * @param recordText that record as published; null when none, or several
 * @param record the parsed record; null when none was found or receivers must ignore it
 * @param findings everything worth reporting
 */
public record BimiResult(
    String domain,
    String selector,
    @Nullable String recordName,
    @Nullable String recordText,
    @Nullable BimiRecord record,
    List<Finding> findings) {

  public BimiResult {
    findings = List.copyOf(findings);
  }

  public boolean has(String code) {
    return findings.stream().anyMatch(f -> f.code().equals(code));
  }

  public boolean hasErrors() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }
}
