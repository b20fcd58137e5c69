package dev.vigie.dns.mx;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import dev.vigie.dns.DnsAnswer;
import dev.vigie.dns.DnsClient;
import dev.vigie.dns.RecordType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a domain's mail exchangers: present (RFC 5321 §5.1), null MX (RFC 7505), each host has
 * addresses, reverse DNS and forward-confirmed reverse DNS (what receiving servers look for).
 */
public final class MxCheck {
  /** Hosts examined; RFC 7208 §4.6.4 also stops SPF's mx at 10, and so does any sane zone. */
  static final int MAX_HOSTS = 10;

  private final DnsClient dns;

  public MxCheck(DnsClient dns) {
    this.dns = dns;
  }

  public MxResult check(String domain) {
    List<Finding> findings = new ArrayList<>();
    DnsAnswer mx = dns.lookup(domain, RecordType.MX);
    if (mx.status().isTemporary()) {
      findings.add(new Finding("mx.temporary-error", Severity.WARNING,
          "We could not check where this domain receives its mail; we will try again.",
          "MX lookup for " + domain + " ended in " + mx.status(), null));
      return new MxResult(domain, List.of(), false, findings);
    }
    if (mx.isNxdomain()) {
      findings.add(new Finding("mx.domain-not-found", Severity.ERROR,
          "This domain does not exist in DNS.", domain + " answered NXDOMAIN",
          "Check the spelling, or register and publish the domain."));
      return new MxResult(domain, List.of(), false, findings);
    }
    List<String[]> entries = new ArrayList<>();
    for (String r : mx.records()) {
      String[] parts = r.split(" ", 2);
      entries.add(new String[] {parts[0], parts.length > 1 ? parts[1] : ""});
    }
    entries.sort((a, b) -> Integer.compare(Integer.parseInt(a[0]), Integer.parseInt(b[0])));
    if (entries.size() == 1 && (entries.get(0)[1].isEmpty() || entries.get(0)[1].equals("."))) {
      findings.add(new Finding("mx.null", Severity.INFO,
          "This domain says it never receives email.",
          domain + " publishes a null MX (RFC 7505): \"0 .\"", null));
      return new MxResult(domain, List.of(), true, findings);
    }
    if (entries.isEmpty()) {
      findings.add(new Finding("mx.missing", Severity.WARNING,
          "This domain has no mail server listed, so mail sent to it may bounce or go to its"
              + " website's server.",
          domain + " has no MX records; senders fall back to its A/AAAA (RFC 5321 §5.1)",
          "If the domain receives mail, publish its MX records; if it never does, publish a null"
              + " MX: " + domain + ". IN MX 0 .",
          List.of(domain)));
      return new MxResult(domain, List.of(), false, findings);
    }
    Set<String> seen = new HashSet<>();
    List<MxHost> hosts = new ArrayList<>();
    for (String[] e : entries) {
      String host = e[1].toLowerCase(Locale.ROOT);
      if (!seen.add(host)) {
        findings.add(new Finding("mx.duplicate-host", Severity.WARNING,
            "A mail server is listed twice for this domain.", host + " appears in more than one"
                + " MX record of " + domain, "Remove the duplicate MX record."));
        continue;
      }
      if (hosts.size() == MAX_HOSTS) {
        findings.add(new Finding("mx.too-many-hosts", Severity.WARNING,
            "This domain lists an unusually large number of mail servers.",
            domain + " has more than " + MAX_HOSTS + " MX hosts; only the first "
                + MAX_HOSTS + " were checked", null));
        break;
      }
      hosts.add(host(domain, Integer.parseInt(e[0]), host, findings));
    }
    return new MxResult(domain, List.copyOf(hosts), false, findings);
  }

  private MxHost host(String domain, int preference, String host, List<Finding> findings) {
    List<String> addresses = new ArrayList<>();
    boolean temporary = false;
    for (RecordType t : List.of(RecordType.A, RecordType.AAAA)) {
      DnsAnswer a = dns.lookup(host, t);
      temporary |= a.status().isTemporary();
      addresses.addAll(a.records());
    }
    if (addresses.isEmpty()) {
      if (!temporary) {
        findings.add(new Finding("mx.host-without-address", Severity.ERROR,
            "One of this domain's mail servers cannot be reached: its name has no address.",
            "MX host " + host + " of " + domain + " has no A or AAAA record",
            "Fix the MX record to name a host that exists, or publish the host's address."));
      }
      return new MxHost(preference, host, List.of(), List.of(), false);
    }
    List<List<String>> reverse = new ArrayList<>();
    boolean confirmed = true;
    for (String ip : addresses) {
      List<String> names = dns.lookup(ReverseName.of(ip), RecordType.PTR).records();
      reverse.add(names);
      boolean ok = false;
      for (String n : names) {
        ok |= forwardIncludes(n, ip);
      }
      if (names.isEmpty()) {
        findings.add(new Finding("mx.no-reverse-dns", Severity.WARNING,
            "One of this domain's mail servers has no reverse DNS name, so receiving servers"
                + " may distrust the mail it sends.",
            "No PTR record for " + ip + " (MX host " + host + ")",
            "Ask the owner of " + ip + " (the hosting or mail provider) to set its PTR record to "
                + host + ".",
            List.of(ip, host)));
      } else if (!ok) {
        findings.add(new Finding("mx.fcrdns-mismatch", Severity.WARNING,
            "One of this domain's mail servers has a reverse DNS name that does not point back to"
                + " it.",
            "PTR of " + ip + " is " + String.join(", ", names) + ", which does not resolve back to"
                + " " + ip, "Make the PTR name's A/AAAA record include " + ip + ".",
            List.of(ip)));
      }
      confirmed &= ok;
    }
    return new MxHost(preference, host, List.copyOf(addresses), List.copyOf(reverse), confirmed);
  }

  private boolean forwardIncludes(String name, String ip) {
    RecordType t = ip.indexOf(':') >= 0 ? RecordType.AAAA : RecordType.A;
    for (String a : dns.lookup(name, t).records()) {
      if (ReverseName.sameAddress(a, ip)) {
        return true;
      }
    }
    return false;
  }
}
