package dev.vigie.dns.tlsrpt;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The TLS-RPT posture of one domain.
 *
 * @param domain the checked domain, normalised (as given when it is not a valid name)
 * @param recordName where the record was looked for: {@code _smtp._tls.<domain>}
 * @param recordText the one TLS-RPT record found, as published; null when none or several
 * @param record the parsed record; null when none was found or senders must ignore it
 * @param findings everything worth reporting
 */
public record TlsRptResult(
    String domain,
    String recordName,
    @Nullable String recordText,
    @Nullable TlsRptRecord record,
    List<Finding> findings) {

  public TlsRptResult {
    findings = List.copyOf(findings);
  }

  public boolean has(String code) {
    return findings.stream().anyMatch(f -> f.code().equals(code));
  }

  public boolean hasErrors() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }
}
