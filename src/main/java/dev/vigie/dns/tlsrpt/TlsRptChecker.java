package dev.vigie.dns.tlsrpt;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import dev.vigie.dns.DnsAnswer;
import dev.vigie.dns.DnsClient;
import dev.vigie.dns.RecordType;
import dev.vigie.dns.psl.DomainNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a domain's SMTP TLS Reporting record at {@code _smtp._tls.<domain>} (RFC 8460 §3). DNS is
 * asked only through {@link DnsClient}; a timeout, SERVFAIL or REFUSED becomes {@code
 * tlsrpt.temporary-error}, never "invalid".
 */
public final class TlsRptChecker {

  static final String PREFIX = "_smtp._tls.";

  private final DnsClient dns;

  public TlsRptChecker(DnsClient dns) {
    this.dns = dns;
  }

  public TlsRptResult check(String domainName) {
    String domain = DomainNames.normalise(domainName);
    if (domain == null) {
      Finding invalid = new Finding("tlsrpt.invalid-domain", Severity.ERROR,
          "This is not a valid domain name, so it cannot be checked.",
          "\"" + TlsRptFindings.abbreviate(domainName) + "\" is not a DNS name (RFC 1035 §2.3.4).",
          null);
      return new TlsRptResult(domainName, PREFIX + domainName, null, null, List.of(invalid));
    }
    String name = PREFIX + domain;
    DnsAnswer answer = dns.lookup(name, RecordType.TXT);
    if (answer.status().isTemporary()) {
      return new TlsRptResult(domain, name, null, null,
          List.of(TlsRptFindings.temporary(name, answer.status())));
    }
    // RFC 8460 §3: records that do not begin with "v=TLSRPTv1;" are discarded. Records that are
    // clearly meant as TLS-RPT but are malformed are kept here, so the owner learns why.
    List<String> candidates = new ArrayList<>();
    List<String> unrelated = new ArrayList<>();
    for (String txt : answer.records()) {
      (looksLikeTlsRpt(txt) ? candidates : unrelated).add(txt);
    }
    if (candidates.isEmpty()) {
      return new TlsRptResult(domain, name, null, null,
          List.of(TlsRptFindings.missing(domain, name, unrelated)));
    }
    if (candidates.size() > 1) {
      return new TlsRptResult(domain, name, null, null,
          List.of(TlsRptFindings.multiple(name, candidates)));
    }
    String text = candidates.get(0);
    TlsRptParser.Result parsed = TlsRptParser.parse(name, text);
    return new TlsRptResult(domain, name, text, parsed.record(), parsed.findings());
  }

  /** Meant as TLS-RPT, even if malformed: a v=TLSRPT… start, whatever its case or spacing. */
  static boolean looksLikeTlsRpt(String txt) {
    String head = txt.length() > 64 ? txt.substring(0, 64) : txt;
    String compact = head.replace(" ", "").replace("\t", "").toLowerCase(Locale.ROOT);
    return compact.startsWith("v=tlsrpt") || compact.contains(";v=tlsrptv1");
  }
}
