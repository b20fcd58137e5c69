package dev.vigie.dns.dmarc;

import dev.vigie.check.Finding;
import dev.vigie.dns.DnsAnswer;
import dev.vigie.dns.DnsClient;
import dev.vigie.dns.RecordType;
import dev.vigie.dns.psl.DomainNames;
import dev.vigie.dns.psl.OrganizationalDomains;
import dev.vigie.dns.psl.PublicSuffixes;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a domain's DMARC posture: finds the record as receivers would, validates it, reviews its
 * settings, and verifies that external report destinations accepted the reports. Every DNS
 * question goes through {@link DnsClient}; temporary DNS failures become {@code
 * dmarc.temporary-error} findings, never "invalid".
 */
public final class DmarcChecker {

  private final DnsClient dns;
  private final DmarcMode mode;
  private final OrganizationalDomains orgs;

  /**
   * @param orgs decides "same organisation" for report destinations and, in RFC 7489 mode, the
   *     fallback policy domain; {@link PublicSuffixes#bundled()} matches checkdmarc
   */
  public DmarcChecker(DnsClient dns, DmarcMode mode, OrganizationalDomains orgs) {
    this.dns = dns;
    this.mode = mode;
    this.orgs = orgs;
  }

  /** RFC 9989 with the bundled Public Suffix List. */
  public DmarcChecker(DnsClient dns) {
    this(dns, DmarcMode.RFC9989, PublicSuffixes.bundled());
  }

  public DmarcCheckResult check(String domainName) {
    String domain = DomainNames.normalise(domainName);
    if (domain == null || domain.startsWith("_")) {
      return new DmarcCheckResult(domainName, mode, null, null, null,
          List.of(DiscoveryFindings.invalidDomain(domainName)));
    }
    DiscoveryResult found = new DmarcDiscovery(dns, mode, orgs).discover(domain);
    List<Finding> findings = new ArrayList<>(found.findings());
    checkApex(domain, findings);
    String recordDomain = found.recordDomain();
    String text = found.recordText();
    if (recordDomain == null || text == null) {
      boolean multiple =
          findings.stream().anyMatch(f -> f.code().equals("dmarc.multiple-records"));
      if (!found.temporaryError() && !multiple) {
        findings.add(0, DiscoveryFindings.missing(domain, found.queried()));
      }
      return new DmarcCheckResult(domain, mode, null, null, null, findings);
    }
    DmarcParseResult parsed = new DmarcParser(mode).parse(text);
    findings.addAll(parsed.findings());
    DmarcRecord record = parsed.record();
    if (record != null) {
      if (!recordDomain.equals(domain)) {
        findings.add(DiscoveryFindings.inherited(domain, recordDomain,
            record.effectiveSubdomainPolicy()));
      }
      findings.addAll(DmarcAdvice.review(record, recordDomain));
      findings.addAll(new ExternalDestinations(dns, orgs).check(recordDomain, record));
    }
    return new DmarcCheckResult(domain, mode, recordDomain, text, record, findings);
  }

  /**
   * A DMARC record at the domain itself has no effect. Skipped silently on a temporary DNS error:
   * this is advice, and the main lookup reports DNS trouble already.
   */
  private void checkApex(String domain, List<Finding> findings) {
    DnsAnswer apex = dns.lookup(domain, RecordType.TXT);
    if (apex.status().isTemporary()) {
      return;
    }
    apex.records().stream().filter(TxtRecords::looksLikeDmarc).findFirst()
        .ifPresent(txt -> findings.add(DiscoveryFindings.recordAtApex(domain, txt)));
  }
}
