package dev.vigie.dns.dmarc;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The DMARC posture of one domain.
 *
 * @param domain the checked domain, normalised (as given when it is not a valid name)
 * @param mode the specification applied
 * @param recordDomain the domain whose {@code _dmarc} record applies; null when none was found
 * @param recordText that record as published; null when none was found
 * @param record the parsed record; null when none was found or receivers must ignore it
 * @param findings everything worth reporting, errors first as found
 */
public record DmarcCheckResult(
    String domain,
    DmarcMode mode,
    @Nullable String recordDomain,
    @Nullable String recordText,
    @Nullable DmarcRecord record,
    List<Finding> findings) {

  public DmarcCheckResult {
    findings = List.copyOf(findings);
  }

  /** True when a DNS timeout or failure left part of the check undone. */
  public boolean temporaryError() {
    return findings.stream().anyMatch(f -> f.code().equals("dmarc.temporary-error"));
  }

  public boolean has(String code) {
    return findings.stream().anyMatch(f -> f.code().equals(code));
  }

  public boolean hasErrors() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }
}
