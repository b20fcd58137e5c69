package dev.vigie.dns.dmarc;

import dev.vigie.check.Finding;
import dev.vigie.dns.DnsAnswer;
import dev.vigie.dns.DnsClient;
import dev.vigie.dns.RecordType;
import dev.vigie.dns.psl.OrganizationalDomains;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Policy discovery. RFC 9989 mode walks the DNS tree (§4.10) and stops at the first name holding
 * exactly one DMARC record; RFC 7489 mode asks the domain, then its Public Suffix List
 * organisational domain (RFC 7489 §6.6.3). A timeout or SERVFAIL stops the walk: what receivers
 * would find is then unknown, and the result says so instead of guessing.
 */
public final class DmarcDiscovery {

  private final DnsClient dns;
  private final DmarcMode mode;
  private final OrganizationalDomains orgs;

  public DmarcDiscovery(DnsClient dns, DmarcMode mode, OrganizationalDomains orgs) {
    this.dns = dns;
    this.mode = mode;
    this.orgs = orgs;
  }

  /** {@code domain} must already be normalised ({@link dev.vigie.dns.psl.DomainNames}). */
  public DiscoveryResult discover(String domain) {
    List<String> queried = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (String target : targets(domain)) {
      String name = "_dmarc." + target;
      queried.add(name);
      DnsAnswer answer = dns.lookup(name, RecordType.TXT);
      if (answer.status().isTemporary()) {
        findings.add(DiscoveryFindings.temporary(name, answer.status()));
        return new DiscoveryResult(queried, null, null, findings, true);
      }
      List<String> dmarc = new ArrayList<>();
      boolean own = target.equals(domain);
      for (String txt : answer.records()) {
        if (TxtRecords.looksLikeDmarc(txt)) {
          dmarc.add(txt);
        } else if (own && TxtRecords.looksLikeSpf(txt)) {
          findings.add(DiscoveryFindings.spfAtDmarc(name, domain, txt));
        } else if (own) {
          findings.add(DiscoveryFindings.unrelatedTxt(name, txt));
        }
      }
      if (dmarc.size() > 1) {
        // Receivers discard them all and go on up the tree (RFC 9989 §4.10 step 2).
        findings.add(DiscoveryFindings.multiple(name, dmarc));
      } else if (dmarc.size() == 1) {
        return new DiscoveryResult(queried, target, dmarc.get(0), findings, false);
      }
    }
    return new DiscoveryResult(queried, null, null, findings, false);
  }

  private List<String> targets(String domain) {
    if (mode == DmarcMode.RFC9989) {
      return TreeWalk.targets(domain);
    }
    Optional<String> org = orgs.organizationalDomain(domain);
    return org.isPresent() && !org.get().equals(domain) ? List.of(domain, org.get())
        : List.of(domain);
  }
}
