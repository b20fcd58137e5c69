package dev.vigie.dns.dmarc;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import dev.vigie.dns.DnsStatus;
import java.util.List;

/** The findings about where DMARC records are (or are not), worded once. */
final class DiscoveryFindings {

  private DiscoveryFindings() {}

  static Finding temporary(String name, DnsStatus status) {
    return new Finding("dmarc.temporary-error", Severity.WARNING,
        "We could not check your DMARC record just now because of a DNS problem; we will retry.",
        "TXT lookup of " + name + " ended with " + status + ", a temporary condition; nothing is "
            + "concluded about the record from it.",
        null);
  }

  static Finding missing(String domain, List<String> queried) {
    return new Finding("dmarc.missing", Severity.ERROR,
        "Your domain has no DMARC record, so anyone can send email pretending to be you.",
        "No DMARC record at " + String.join(", ", queried) + ".",
        "Publish a TXT record at _dmarc." + domain + " with the value: \"v=DMARC1; p=none; "
            + "rua=mailto:dmarc@" + domain + "\" (then move to p=quarantine or p=reject).",
        List.of(domain));
  }

  static Finding multiple(String name, List<String> records) {
    return new Finding("dmarc.multiple-records", Severity.ERROR,
        "Your domain has more than one DMARC record, so mail providers ignore all of them.",
        name + " has " + records.size() + " DMARC records; receivers discard them all "
            + "(RFC 9989 §4.10, RFC 7489 §6.6.3): " + quoted(records),
        "Delete all but one TXT record at " + name + ".", List.of(name));
  }

  static Finding spfAtDmarc(String name, String domain, String txt) {
    return new Finding("dmarc.spf-record-at-dmarc", Severity.ERROR,
        "An SPF record was published where the DMARC record belongs, and has no effect there.",
        name + " holds an SPF record: \"" + ParseFindings.abbreviate(txt) + "\". SPF is read "
            + "only at the domain itself (RFC 7208 §4.1).",
        "Delete it from " + name + " and publish it as a TXT record at " + domain
            + " if it is not there already.",
        List.of(name, domain));
  }

  static Finding unrelatedTxt(String name, String txt) {
    return new Finding("dmarc.unrelated-txt", Severity.ERROR,
        "There is a stray record where your DMARC record belongs.",
        name + " holds a TXT record that is not DMARC: \"" + ParseFindings.abbreviate(txt)
            + "\". Only DMARC records belong under _dmarc.",
        "Delete that TXT record from " + name + ".", List.of(name));
  }

  static Finding recordAtApex(String domain, String txt) {
    return new Finding("dmarc.record-at-apex", Severity.WARNING,
        "A DMARC record was published in the wrong place and has no effect there.",
        domain + " itself holds \"" + ParseFindings.abbreviate(txt) + "\"; receivers look only "
            + "at _dmarc." + domain + " (RFC 9989 DMARC Policy Record).",
        "Delete it from " + domain + " and publish it at _dmarc." + domain + " instead.",
        List.of(domain));
  }

  static Finding inherited(String domain, String recordDomain, Policy applied) {
    return new Finding("dmarc.inherited-policy", Severity.INFO,
        "Your domain uses the DMARC record of " + recordDomain + ".",
        "No record at _dmarc." + domain + "; the tree walk found _dmarc." + recordDomain
            + ", whose subdomain policy (sp, else p) applies: " + applied.tagValue() + ".",
        null, List.of(recordDomain));
  }

  static Finding invalidDomain(String domain) {
    return new Finding("dmarc.invalid-domain", Severity.ERROR,
        "This is not a valid domain name, so it cannot be checked.",
        "\"" + ParseFindings.abbreviate(domain) + "\" is not a DNS name (RFC 1035 §2.3.4: "
            + "labels of 1-63 characters, 253 in all).",
        null);
  }

  private static String quoted(List<String> records) {
    StringBuilder sb = new StringBuilder();
    for (String r : records.subList(0, Math.min(records.size(), 5))) {
      sb.append(sb.isEmpty() ? "" : ", ").append('"').append(ParseFindings.abbreviate(r))
          .append('"');
    }
    return sb.append('.').toString();
  }
}
