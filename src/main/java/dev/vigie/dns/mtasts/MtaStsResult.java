package dev.vigie.dns.mtasts;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The MTA-STS posture of one domain.
 *
 * @param domain the checked domain, normalised (as given when it is not a valid name)
 * @param record the parsed TXT record; null when none, several, or invalid
 * @param policyUrl where the policy file was fetched from; null when it was not fetched
 * @param policyText the policy file as served (UTF-8); null when none was fetched
 * @param policy the parsed policy; null when absent or when senders must ignore it
 * @param findings everything worth reporting
 */
public record MtaStsResult(
    String domain,
    @Nullable MtaStsRecord record,
    @Nullable String policyUrl,
    @Nullable String policyText,
    @Nullable MtaStsPolicy policy,
    List<Finding> findings) {

  public MtaStsResult {
    findings = List.copyOf(findings);
  }

  public boolean has(String code) {
    return findings.stream().anyMatch(f -> f.code().equals(code));
  }

  public boolean hasErrors() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }
}
