package dev.vigie.road;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What to publish so a domain's reports reach the MSP.
 *
 * @param dmarc the domain's DMARC record with the MSP's address in rua (an existing record keeps
 *     its policy and tags; the address is added to its rua list)
 * @param authorisation the RFC 7489 §7.1 / RFC 9989 external destination authorisation the MSP
 *     publishes in its own zone, {@code <domain>._report._dmarc.<report domain>} TXT {@code
 *     v=DMARC1}; null when the report address is in the domain's own organisation
 */
public record Onboarding(DnsRecord dmarc, @Nullable DnsRecord authorisation, List<Advice> notes) {
  public Onboarding {
    notes = List.copyOf(notes);
  }
}
