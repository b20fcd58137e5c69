package dev.vigie.dns.bimi;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import dev.vigie.dns.DnsAnswer;
import dev.vigie.dns.DnsClient;
import dev.vigie.dns.RecordType;
import dev.vigie.dns.mtasts.FetchResult;
import dev.vigie.dns.psl.DomainNames;
import dev.vigie.dns.psl.OrganizationalDomains;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Checks a domain's BIMI posture: finds the assertion record at {@code <selector>._bimi.<domain>}
 * (falling back to the organizational domain, as the BIMI draft's discovery does), parses it,
 * checks the DMARC prerequisites given by the caller, and checks the logo's SVG Tiny PS profile
 * when it can be fetched. DNS comes only through {@link DnsClient} (a timeout, SERVFAIL or REFUSED
 * becomes {@code bimi.temporary-error}), the logo only through {@link LogoFetcher}.
 *
 * <p>Mark certificates (the a= VMC or CMC) are deliberately not validated: doing it properly
 * means the mark verifying authorities' roots, the BIMI certificate profile's extensions and
 * logotype matching. A present a= is reported as {@code bimi.certificate-present} (info) only.
 */
public final class BimiChecker {

  public static final String DEFAULT_SELECTOR = "default";

  private final DnsClient dns;
  private final LogoFetcher fetcher;
  private final OrganizationalDomains orgs;

  /** @param orgs gives the organizational domain for the fallback lookup */
  public BimiChecker(DnsClient dns, LogoFetcher fetcher, OrganizationalDomains orgs) {
    this.dns = dns;
    this.fetcher = fetcher;
    this.orgs = orgs;
  }

  /** Without the organizational-domain fallback. */
  public BimiChecker(DnsClient dns, LogoFetcher fetcher) {
    this(dns, fetcher, domain -> Optional.empty());
  }

  public BimiResult check(String domain, DmarcInputs dmarc) {
    return check(domain, DEFAULT_SELECTOR, dmarc);
  }

  /** @param dmarc the applicable DMARC policy, from the DMARC check */
  public BimiResult check(String domainName, String selectorName, DmarcInputs dmarc) {
    String domain = DomainNames.normalise(domainName);
    String selector = DomainNames.normalise(selectorName);
    if (domain == null || selector == null) {
      Finding invalid = new Finding("bimi.invalid-domain", Severity.ERROR,
          "This is not a valid domain name or selector, so it cannot be checked.",
          "\"" + BimiFindings.abbreviate(selectorName + "._bimi." + domainName) + "\" is not a "
              + "DNS name (RFC 1035 §2.3.4).", null);
      return new BimiResult(domainName, selectorName, null, null, null, List.of(invalid));
    }
    String name = selector + "._bimi." + domain;
    BimiFindings words = new BimiFindings(name);
    List<String> queried = new ArrayList<>(List.of(name));
    List<Finding> findings = new ArrayList<>();
    DnsAnswer answer = dns.lookup(name, RecordType.TXT);
    String recordName = name;
    List<String> candidates = candidates(answer);
    if (!answer.status().isTemporary() && candidates.isEmpty()) {
      String org = orgs.organizationalDomain(domain).orElse(domain);
      if (!org.equals(domain)) {
        recordName = selector + "._bimi." + org;
        queried.add(recordName);
        answer = dns.lookup(recordName, RecordType.TXT);
        candidates = candidates(answer);
        if (!candidates.isEmpty()) {
          findings.add(words.inherited(recordName));
        }
      }
    }
    if (answer.status().isTemporary()) {
      return result(domain, selector, null, null, null,
          List.of(new BimiFindings(recordName).temporary(answer.status())));
    }
    if (candidates.isEmpty()) {
      return result(domain, selector, null, null, null, List.of(words.missing(queried)));
    }
    BimiFindings at = new BimiFindings(recordName);
    if (candidates.size() > 1) {
      findings.add(at.multiple(candidates));
      return result(domain, selector, recordName, null, null, findings);
    }
    String text = candidates.get(0);
    BimiRecordParser.Result parsed = BimiRecordParser.parse(recordName, text);
    findings.addAll(parsed.findings());
    BimiRecord record = parsed.record();
    if (record == null) {
      return result(domain, selector, recordName, text, null, findings);
    }
    if (record.declined()) {
      findings.add(at.declined());
      return result(domain, selector, recordName, text, record, findings);
    }
    findings.addAll(DmarcPrerequisites.check(domain, dmarc));
    String certificate = record.authorityUrl();
    findings.add(certificate == null ? at.certificateMissing()
        : at.certificatePresent(certificate));
    String logo = record.logoUrl();
    if (logo != null) {
      findings.addAll(checkLogo(logo));
    }
    return result(domain, selector, recordName, text, record, findings);
  }

  private List<Finding> checkLogo(String url) {
    LogoFindings words = new LogoFindings(url);
    FetchResult fetched = fetcher.fetch(URI.create(url));
    if (fetched instanceof FetchResult.Failure failure) {
      return List.of(words.failure(failure));
    }
    FetchResult.Response response = (FetchResult.Response) fetched;
    if (response.status() >= 300 && response.status() < 400) {
      return List.of(words.redirect(response.status(), response.location()));
    }
    if (response.status() != 200) {
      return List.of(words.httpStatus(response.status()));
    }
    return SvgTinyPs.check(url, response.body());
  }

  /** Records meant as BIMI; the draft discards the others, so unrelated TXT is ignored. */
  private static List<String> candidates(DnsAnswer answer) {
    return answer.records().stream().filter(BimiChecker::looksLikeBimi).toList();
  }

  static boolean looksLikeBimi(String txt) {
    String head = txt.length() > 64 ? txt.substring(0, 64) : txt;
    String compact = head.replace(" ", "").replace("\t", "").toLowerCase(Locale.ROOT);
    return compact.startsWith("v=bimi") || compact.contains(";v=bimi1");
  }

  private static BimiResult result(String domain, String selector, @Nullable String recordName,
      @Nullable String text, @Nullable BimiRecord record, List<Finding> findings) {
    return new BimiResult(domain, selector, recordName, text, record, findings);
  }
}
