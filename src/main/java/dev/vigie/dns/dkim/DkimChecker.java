package dev.vigie.dns.dkim;

import dev.vigie.check.Finding;
import dev.vigie.dns.DnsAnswer;
import dev.vigie.dns.DnsClient;
import dev.vigie.dns.DnsStatus;
import dev.vigie.dns.RecordType;
import dev.vigie.dns.psl.DomainNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Looks up {@code <selector>._domainkey.<domain>} TXT (RFC 6376 §3.6.2.1) for the selectors asked
 * for and a list of common ones, and judges each key found. DKIM selectors cannot be listed, so a
 * guessed selector that is absent is silent; an absent requested selector is an error. Only
 * {@link DnsClient} is used; nothing else is followed.
 */
public final class DkimChecker {

  /** Selectors used by widespread mail services and software, tried when none is known. */
  public static final List<String> COMMON_SELECTORS = List.of(
      "google", "selector1", "selector2", "k1", "k2", "k3", "s1", "s2", "default", "dkim",
      "mail", "mandrill", "mxvault", "everlytickey1", "everlytickey2", "smtp", "sig1", "key1",
      "key2", "dkim1", "mailjet", "sendgrid", "s1024", "s2048", "zoho", "protonmail",
      "protonmail2", "protonmail3", "fm1", "fm2", "fm3", "mte1", "pm", "amazonses", "zendesk1",
      "zendesk2");

  /** Selectors looked up at most per check, requested and common together. */
  static final int MAX_SELECTORS = 64;

  private static final Pattern P_TAG = Pattern.compile("(^|[;\\s])p\\s*=");

  private final DnsClient dns;

  public DkimChecker(DnsClient dns) {
    this.dns = dns;
  }

  /** Checks the requested selectors and the {@link #COMMON_SELECTORS}. */
  public DkimCheckResult check(String domainName, Collection<String> requested) {
    return check(domainName, requested, true);
  }

  public DkimCheckResult check(String domainName, Collection<String> requested,
      boolean tryCommon) {
    String domain = DomainNames.normalise(domainName);
    if (domain == null) {
      return new DkimCheckResult(domainName, List.of(),
          List.of(DkimFindings.invalidName(domainName)));
    }
    List<Finding> findings = new ArrayList<>();
    Set<String> asked = new LinkedHashSet<>();
    for (String s : requested) {
      String selector = DomainNames.normalise(s);
      if (selector == null) {
        findings.add(DkimFindings.invalidName(s));
      } else {
        asked.add(selector);
      }
    }
    int requestedCount = asked.size();
    if (tryCommon) {
      asked.addAll(COMMON_SELECTORS);
    }
    List<SelectorResult> results = new ArrayList<>();
    int i = 0;
    for (String selector : asked) {
      if (i >= MAX_SELECTORS) {
        break;
      }
      results.add(checkSelector(selector, domain, i++ < requestedCount));
    }
    boolean anyKey = results.stream().anyMatch(SelectorResult::found);
    boolean anyTemporary = results.stream().anyMatch(r -> r.status().isTemporary());
    if (!anyKey && !anyTemporary && requestedCount == 0) {
      findings.add(DkimFindings.noKeysFound(domain, results.size()));
    }
    return new DkimCheckResult(domain, results, findings);
  }

  private SelectorResult checkSelector(String selector, String domain, boolean requested) {
    String name = selector + "._domainkey." + domain;
    if (DomainNames.normalise(name) == null) {
      return new SelectorResult(selector, name, DnsStatus.NXDOMAIN, List.of(), null, requested,
          List.of(DkimFindings.invalidName(name)));
    }
    DnsAnswer answer = dns.lookup(name, RecordType.TXT);
    List<Finding> findings = new ArrayList<>();
    if (answer.status().isTemporary()) {
      findings.add(DkimFindings.temporary(name, answer.status()));
      return new SelectorResult(selector, name, answer.status(), List.of(), null, requested,
          findings);
    }
    List<String> records = answer.records();
    if (!requested && records.stream().noneMatch(DkimChecker::looksLikeKey)) {
      // A wildcard TXT (often SPF) answers every guessed name; only a key-like record counts.
      records = List.of();
    }
    if (records.isEmpty()) {
      if (requested) {
        findings.add(DkimFindings.selectorMissing(name,
            answer.isNxdomain() ? "the name does not exist (NXDOMAIN)" : "no TXT record"));
      }
      return new SelectorResult(selector, name, answer.status(), records, null, requested,
          findings);
    }
    if (records.size() > 1) {
      findings.add(DkimFindings.multipleRecords(name, records.size()));
    }
    String first = records.stream().filter(DkimChecker::looksLikeKey).findFirst()
        .orElse(records.get(0));
    DkimParseResult parsed = DkimKeyParser.parse(first, name);
    findings.addAll(parsed.findings());
    return new SelectorResult(selector, name, answer.status(), records, parsed.record(),
        requested, findings);
  }

  /** A record meant as a DKIM key: it starts with v=DKIM or carries a p= tag. */
  static boolean looksLikeKey(String txt) {
    String head = txt.length() > 4096 ? txt.substring(0, 4096) : txt;
    return head.stripLeading().startsWith("v=DKIM") || P_TAG.matcher(head).find();
  }
}
