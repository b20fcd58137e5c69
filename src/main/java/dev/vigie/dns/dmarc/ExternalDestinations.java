package dev.vigie.dns.dmarc;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import dev.vigie.dns.DnsAnswer;
import dev.vigie.dns.DnsClient;
import dev.vigie.dns.RecordType;
import dev.vigie.dns.psl.DomainNames;
import dev.vigie.dns.psl.OrganizationalDomains;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * External report destinations (RFC 7489 §7.1; RFC 9989 "External Report Addresses"): a receiver
 * sends reports for {@code example.com} to an address at another organisation only when that
 * organisation publishes {@code example.com._report._dmarc.<destination>} TXT "v=DMARC1" (or the
 * wildcard {@code *._report._dmarc.<destination>}, which checkdmarc also accepts, and which a stub
 * resolver cannot synthesise by itself).
 */
final class ExternalDestinations {

  /** Distinct destination domains checked at most; each costs up to two lookups. */
  static final int MAX_DESTINATIONS = 10;

  private final DnsClient dns;
  private final OrganizationalDomains orgs;

  ExternalDestinations(DnsClient dns, OrganizationalDomains orgs) {
    this.dns = dns;
    this.orgs = orgs;
  }

  List<Finding> check(String recordDomain, DmarcRecord record) {
    Map<String, String> destinations = new LinkedHashMap<>();
    for (ReportUri uri : record.aggregateUris()) {
      destinations.putIfAbsent(uri.domain(), "rua=" + uri.uri());
    }
    for (ReportUri uri : record.failureUris()) {
      destinations.putIfAbsent(uri.domain(), "ruf=" + uri.uri());
    }
    List<Finding> out = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<String, String> d : destinations.entrySet()) {
      if (sameOrganisation(recordDomain, d.getKey()) || checked++ >= MAX_DESTINATIONS) {
        continue;
      }
      check(recordDomain, d.getKey(), d.getValue()).ifPresent(out::add);
    }
    return out;
  }

  private boolean sameOrganisation(String a, String b) {
    Optional<String> orgA = orgs.organizationalDomain(a);
    return a.equals(b) || (orgA.isPresent() && orgA.equals(orgs.organizationalDomain(b)));
  }

  private Optional<Finding> check(String recordDomain, String destination, String uri) {
    String name = recordDomain + "._report._dmarc." + destination;
    if (DomainNames.normalise(name) == null) {
      return Optional.of(unauthorised(recordDomain, destination, uri, name,
          " The name is too long to exist in DNS, so this destination can never be authorised."));
    }
    for (String candidate : List.of(name, "*._report._dmarc." + destination)) {
      DnsAnswer answer = dns.lookup(candidate, RecordType.TXT);
      if (answer.status().isTemporary()) {
        return Optional.of(new Finding("dmarc.temporary-error", Severity.WARNING,
            "We could not check one of your DMARC report addresses just now; we will retry.",
            "TXT lookup of " + candidate + " ended with " + answer.status()
                + ", a temporary condition.", null));
      }
      if (answer.records().stream().anyMatch(TxtRecords::looksLikeDmarc)) {
        return Optional.empty();
      }
    }
    return Optional.of(unauthorised(recordDomain, destination, uri, name, ""));
  }

  private static Finding unauthorised(
      String recordDomain, String destination, String uri, String name, String extra) {
    return new Finding("dmarc.external-destination-unauthorised", Severity.WARNING,
        "DMARC reports addressed to " + destination + " are not delivered, because "
            + destination + " has not agreed to receive them for your domain.",
        uri + " is outside " + recordDomain + "'s organisation, and neither " + name
            + " nor *._report._dmarc." + destination + " has a TXT record starting \"v=DMARC1\" "
            + "(RFC 7489 §7.1), so receivers drop these reports." + extra,
        "Ask the operator of " + destination + " to publish: " + name + ". IN TXT \"v=DMARC1;\""
            + " — or send reports to an address at " + recordDomain + " instead.",
        List.of(destination, recordDomain));
  }
}
