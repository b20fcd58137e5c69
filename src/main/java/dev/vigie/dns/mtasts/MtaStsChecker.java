package dev.vigie.dns.mtasts;

import dev.vigie.check.Finding;
import dev.vigie.dns.DnsAnswer;
import dev.vigie.dns.DnsClient;
import dev.vigie.dns.RecordType;
import dev.vigie.dns.psl.DomainNames;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Checks a domain's MTA-STS posture: the {@code _mta-sts} TXT record (RFC 8461 §3.1), the policy
 * file (§3.2, §3.3) and whether it covers the domain's MX hosts (§4.1). DNS comes only through
 * {@link DnsClient} (a timeout, SERVFAIL or REFUSED becomes {@code mtasts.temporary-error}) and
 * the policy only through {@link PolicyFetcher}, so the check itself does no I/O.
 */
public final class MtaStsChecker {

  static final String PREFIX = "_mta-sts.";

  /** Below this, an enforced policy expires too soon to resist a downgrade (RFC 8461 §3.2). */
  static final long SHORT_MAX_AGE = 7 * 86_400L;

  private final DnsClient dns;
  private final PolicyFetcher fetcher;

  public MtaStsChecker(DnsClient dns, PolicyFetcher fetcher) {
    this.dns = dns;
    this.fetcher = fetcher;
  }

  /**
   * @param mxHosts the domain's MX host names (from the MX check), matched against the policy's
   *     mx patterns; when empty, coverage is not checked
   */
  public MtaStsResult check(String domainName, List<String> mxHosts) {
    String domain = DomainNames.normalise(domainName);
    if (domain == null) {
      return new MtaStsResult(domainName, null, null, null, null,
          List.of(RecordFindings.invalidDomain(domainName)));
    }
    String name = PREFIX + domain;
    DnsAnswer answer = dns.lookup(name, RecordType.TXT);
    if (answer.status().isTemporary()) {
      return new MtaStsResult(domain, null, null, null, null,
          List.of(RecordFindings.temporary(name, answer.status())));
    }
    // RFC 8461 §3.1: records not beginning with "v=STSv1;" are discarded, so unrelated TXT is
    // ignored; malformed ones clearly meant as MTA-STS are kept to explain what is wrong.
    List<String> candidates = answer.records().stream().filter(MtaStsChecker::looksLikeSts)
        .toList();
    if (candidates.isEmpty()) {
      return new MtaStsResult(domain, null, null, null, null,
          List.of(RecordFindings.missing(domain, name)));
    }
    List<Finding> findings = new ArrayList<>();
    MtaStsRecord record = null;
    if (candidates.size() > 1) {
      findings.add(RecordFindings.multiple(name, candidates));
    } else {
      MtaStsRecordParser.Result parsed = MtaStsRecordParser.parse(name, candidates.get(0));
      findings.addAll(parsed.findings());
      record = parsed.record();
    }
    // The policy is fetched even when the record is broken, so both can be fixed at once.
    String url = PolicyFindings.policyUrl(domain);
    FetchFindings words = new FetchFindings(domain, mxHosts);
    String body = fetchPolicy(URI.create(url), words, findings);
    if (body == null) {
      return new MtaStsResult(domain, record, url, null, null, findings);
    }
    MtaStsPolicyParser.Result parsed = new MtaStsPolicyParser(domain, mxHosts).parse(body);
    findings.addAll(parsed.findings());
    MtaStsPolicy policy = parsed.policy();
    if (policy != null) {
      review(policy, mxHosts, words, findings);
    }
    return new MtaStsResult(domain, record, url, body, policy, findings);
  }

  /** The policy text, or null after adding the finding that explains why there is none. */
  private @Nullable String fetchPolicy(URI uri, FetchFindings words, List<Finding> findings) {
    FetchResult result = fetcher.fetch(uri);
    if (result instanceof FetchResult.Failure failure) {
      findings.add(words.failure(failure));
      return null;
    }
    FetchResult.Response response = (FetchResult.Response) result;
    int status = response.status();
    if (status >= 300 && status < 400) {
      String location = response.location();
      findings.add(words.redirect(status, location == null ? "(no Location)" : location));
      return null;
    }
    // RFC 8461 §3.3: "only valid if the HTTP response code is 200 (OK)".
    if (status != 200) {
      findings.add(words.httpStatus(status));
      return null;
    }
    if (!response.mediaType().equals("text/plain")) {
      findings.add(words.contentType(response.mediaType()));
    }
    return response.text();
  }

  private static void review(MtaStsPolicy policy, List<String> mxHosts, FetchFindings words,
      List<Finding> findings) {
    switch (policy.mode()) {
      case TESTING -> findings.add(words.modeTesting());
      case NONE -> findings.add(words.modeNone());
      case ENFORCE -> {
        if (policy.maxAge() < SHORT_MAX_AGE) {
          findings.add(words.maxAgeShort(policy.maxAge()));
        }
      }
    }
    if (policy.mode() == PolicyMode.NONE) {
      return;
    }
    List<String> uncovered = mxHosts.stream().map(MxPatterns::normalise)
        .filter(h -> !h.isEmpty()).distinct().filter(h -> !policy.covers(h)).toList();
    if (!uncovered.isEmpty()) {
      findings.add(words.notCovered(uncovered, policy));
    }
  }

  /** Meant as MTA-STS, even if malformed: a v=STS… start, whatever its case or spacing. */
  static boolean looksLikeSts(String txt) {
    String head = txt.length() > 64 ? txt.substring(0, 64) : txt;
    String compact = head.replace(" ", "").replace("\t", "").toLowerCase(Locale.ROOT);
    return compact.startsWith("v=sts") || compact.contains(";v=stsv1");
  }
}
