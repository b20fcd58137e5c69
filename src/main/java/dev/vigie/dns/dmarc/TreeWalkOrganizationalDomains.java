package dev.vigie.dns.dmarc;

import dev.vigie.dns.DnsAnswer;
import dev.vigie.dns.DnsClient;
import dev.vigie.dns.RecordType;
import dev.vigie.dns.psl.DomainNames;
import dev.vigie.dns.psl.OrganizationalDomains;
import java.util.List;
import java.util.Optional;

/**
 * The RFC 9989 organisational domain, found by DNS tree walk (§4.10) instead of the Public Suffix
 * List. Among the names holding exactly one valid DMARC record, longest first: psd=n marks the
 * organisational domain; psd=y on a name other than the start puts it one label below; otherwise
 * the shortest such name wins. With no record at all, the domain is its own organisational domain.
 *
 * <p>A lookup that fails temporarily counts as "no record" here: alignment is then decided on the
 * records that did answer. Callers needing certainty check {@link DmarcChecker} results first.
 */
public final class TreeWalkOrganizationalDomains implements OrganizationalDomains {

  private final DnsClient dns;

  public TreeWalkOrganizationalDomains(DnsClient dns) {
    this.dns = dns;
  }

  @Override
  public Optional<String> organizationalDomain(String domainName) {
    String domain = DomainNames.normalise(domainName);
    if (domain == null) {
      return Optional.empty();
    }
    DmarcParser parser = new DmarcParser(DmarcMode.RFC9989);
    String shortest = null;
    for (String target : TreeWalk.targets(domain)) {
      DnsAnswer answer = dns.lookup("_dmarc." + target, RecordType.TXT);
      List<String> dmarc = answer.records().stream().filter(TxtRecords::looksLikeDmarc).toList();
      if (answer.status().isTemporary() || dmarc.size() != 1) {
        continue;
      }
      DmarcRecord record = parser.parse(dmarc.get(0)).record();
      if (record == null) {
        continue;
      }
      if (record.psd() == PsdFlag.NO) {
        return Optional.of(target);
      }
      if (record.psd() == PsdFlag.YES && !target.equals(domain)) {
        return Optional.of(DomainNames.lastLabels(domain, DomainNames.labelCount(target) + 1));
      }
      shortest = target;
    }
    return Optional.of(shortest != null ? shortest : domain);
  }
}
