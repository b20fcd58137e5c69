package dev.vigie.dns.dnssec;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import dev.vigie.dns.DnsAnswer;
import dev.vigie.dns.DnsClient;
import dev.vigie.dns.RecordType;
import java.util.ArrayList;
import java.util.List;

/**
 * The DNSSEC status of a domain: its DNSKEY set, the DS at its parent, and whether answers came
 * back authenticated. The validation itself is the resolver's (dnsjava's ValidatingResolver with a
 * trust anchor, or a validating upstream): this check reads the outcome.
 */
public final class DnssecCheck {
  private final DnsClient dns;

  public DnssecCheck(DnsClient dns) {
    this.dns = dns;
  }

  public record Result(String domain, DnssecStatus status, List<Finding> findings) {}

  public Result check(String domain) {
    DnsAnswer keys = dns.lookup(domain, RecordType.DNSKEY);
    DnsAnswer ds = dns.lookup(domain, RecordType.DS);
    DnsAnswer soa = dns.lookup(domain, RecordType.SOA);
    List<Finding> findings = new ArrayList<>();
    if (keys.status().isTemporary() || ds.status().isTemporary()) {
      findings.add(new Finding("dnssec.temporary-error", Severity.INFO,
          "We could not check whether this domain's DNS is signed; we will try again.",
          "DNSKEY/DS lookups for " + domain + " ended in " + keys.status() + "/" + ds.status(),
          null));
      return new Result(domain, DnssecStatus.UNKNOWN, findings);
    }
    DnssecStatus status;
    if (keys.records().isEmpty()) {
      status = DnssecStatus.UNSIGNED;
      findings.add(new Finding("dnssec.unsigned", Severity.INFO,
          "This domain's DNS is not signed, so a network attacker could forge its records.",
          domain + " publishes no DNSKEY (RFC 4033)",
          "Turn on DNSSEC at the DNS host, then publish the DS record it gives you at the"
              + " registrar."));
    } else if (ds.records().isEmpty()) {
      status = DnssecStatus.SIGNED_NO_DS;
      findings.add(new Finding("dnssec.no-ds", Severity.WARNING,
          "This domain's DNS is signed, but the signature is not linked to its registrar, so it"
              + " protects nothing yet.",
          domain + " has " + keys.records().size() + " DNSKEY record(s) but no DS at the parent",
          "Publish the DS record of the key-signing key at the registrar."));
    } else if (keys.authenticated() && soa.authenticated()) {
      status = DnssecStatus.VALIDATED;
    } else {
      status = DnssecStatus.SIGNED_NOT_VALIDATED;
      findings.add(new Finding("dnssec.not-validated", Severity.WARNING,
          "This domain's DNS is signed, but its signatures could not be verified here.",
          domain + " has DNSKEY and DS, but answers were not authenticated (AD unset): expired"
              + " signatures, a DS/DNSKEY mismatch, or a resolver that does not validate",
          "Check the signatures with the DNS host (e.g. `delv " + domain + " SOA`).",
          List.of(domain)));
    }
    return new Result(domain, status, findings);
  }
}
