package dev.vigie.enrich;

import java.util.Set;

/**
 * What is known of the domain a record is about.
 *
 * @param orgDomain its organisational domain, e.g. {@code example.co.uk}
 * @param senderIds {@link KnownSender#id()}s the domain is known to use: from its SPF includes
 *     ({@link SenderCatalogue#bySpfInclude}), its MX hosts, or a technician's confirmation
 */
public record DomainProfile(String orgDomain, Set<String> senderIds) {

  public DomainProfile {
    orgDomain = DomainPatterns.normalize(orgDomain);
    senderIds = Set.copyOf(senderIds);
  }

  public static DomainProfile of(String orgDomain) {
    return new DomainProfile(orgDomain, Set.of());
  }
}
