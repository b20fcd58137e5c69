package dev.vigie.dns.dmarc;

import dev.vigie.check.Finding;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where receivers find the DMARC record for a domain.
 *
 * @param queried the {@code _dmarc} names asked, in order
 * @param recordDomain the domain whose {@code _dmarc} name holds the record used (the checked
 *     domain itself, its organisational domain, or a public suffix domain); null when none
 * @param recordText that record's text
 * @param findings problems with what was found at those names (multiple records, SPF or unrelated
 *     TXT at {@code _dmarc}, temporary DNS errors)
 * @param temporaryError a lookup timed out or failed, so the answer is not final
 */
public record DiscoveryResult(
    List<String> queried,
    @Nullable String recordDomain,
    @Nullable String recordText,
    List<Finding> findings,
    boolean temporaryError) {

  public DiscoveryResult {
    queried = List.copyOf(queried);
    findings = List.copyOf(findings);
  }

  public boolean found() {
    return recordText != null;
  }
}
