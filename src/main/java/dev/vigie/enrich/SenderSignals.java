package dev.vigie.enrich;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What is known about a source, to identify it in the catalogue. Give only verified values: a
 * DKIM domain whose signature passed, a MAIL FROM domain SPF passed for, a PTR name that was
 * forward-confirmed. An unverified name is whatever the sender chose to claim.
 */
public record SenderSignals(
    @Nullable String reverseDns,
    @Nullable Long asn,
    List<String> dkimDomains,
    @Nullable String envelopeDomain) {

  public SenderSignals {
    dkimDomains = List.copyOf(dkimDomains);
  }

  /** Only what is known of the IP itself. */
  public static SenderSignals ofSource(@Nullable String reverseDns, @Nullable Long asn) {
    return new SenderSignals(reverseDns, asn, List.of(), null);
  }
}
