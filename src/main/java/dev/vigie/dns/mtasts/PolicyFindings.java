package dev.vigie.dns.mtasts;

import static dev.vigie.dns.mtasts.Fields.abbreviate;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import java.net.IDN;
import java.util.Collection;
import java.util.List;

/** The findings about the contents of an MTA-STS policy file, worded once. */
final class PolicyFindings {

  private static final String BROKEN = "Your MTA-STS policy file has a mistake, so mail servers "
      + "ignore it.";

  private final String url;
  private final String domain;
  private final List<String> mxHosts;

  PolicyFindings(String domain, List<String> mxHosts) {
    this.domain = domain;
    this.url = policyUrl(domain);
    this.mxHosts = mxHosts.stream().map(MxPatterns::normalise).filter(h -> !h.isEmpty())
        .distinct().toList();
  }

  /** RFC 8461 §3.3; a U-label domain is written as its A-label so the URL is valid. */
  static String policyUrl(String domain) {
    String host = domain;
    try {
      host = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      // Left as it is; the fetch then reports the URL as unusable.
    }
    return "https://mta-sts." + host + "/.well-known/mta-sts.txt";
  }

  /** A complete policy file for this domain, one line per MX host. */
  String example(PolicyMode mode) {
    StringBuilder sb = new StringBuilder("version: STSv1\nmode: ").append(mode.value())
        .append('\n');
    List<String> hosts = mxHosts.isEmpty() ? List.of("mail." + domain) : mxHosts;
    hosts.forEach(h -> sb.append("mx: ").append(h).append('\n'));
    return sb.append("max_age: ").append(mode == PolicyMode.ENFORCE ? 1209600 : 86400)
        .append('\n').toString();
  }

  private String republish() {
    return "Serve this text (as text/plain) at " + url + ":\n" + example(PolicyMode.TESTING)
        + "then change the id= in the _mta-sts." + domain + " TXT record so senders fetch it "
        + "again (use mode: enforce once TLS reports show no failures).";
  }

  Finding syntax(int lineNumber, String line) {
    return new Finding("mtasts.policy-syntax-error", Severity.ERROR, BROKEN,
        "Line " + lineNumber + " of " + url + ", \"" + abbreviate(line) + "\", is not a "
            + "\"key: value\" line (RFC 8461 §3.2; keys are case-sensitive, lines end in LF or "
            + "CRLF).",
        republish(), List.of(url, example(PolicyMode.TESTING), domain));
  }

  Finding duplicateKey(String key) {
    return new Finding("mtasts.policy-duplicate-key", Severity.ERROR, BROKEN,
        "\"" + key + "\" appears more than once in " + url + "; only mx may repeat (RFC 8461 "
            + "§3.2).",
        "Keep a single \"" + key + ":\" line. " + republish(),
        List.of(key, url, example(PolicyMode.TESTING), domain));
  }

  Finding versionInvalid(String value) {
    return new Finding("mtasts.policy-version-invalid", Severity.ERROR, BROKEN,
        "version is \"" + abbreviate(value) + "\" in " + url + "; it must be exactly STSv1 "
            + "(RFC 8461 §3.2).",
        "Write the line \"version: STSv1\". " + republish(),
        List.of(url, example(PolicyMode.TESTING), domain));
  }

  Finding modeInvalid(String value) {
    return new Finding("mtasts.policy-mode-invalid", Severity.ERROR, BROKEN,
        "mode is \"" + abbreviate(value) + "\" in " + url + "; it must be enforce, testing or "
            + "none, in lower case (RFC 8461 §3.2).",
        "Write the line \"mode: testing\" (or enforce). " + republish(),
        List.of(url, example(PolicyMode.TESTING), domain));
  }

  Finding maxAgeInvalid(String value) {
    return new Finding("mtasts.policy-max-age-invalid", Severity.ERROR, BROKEN,
        "max_age is \"" + abbreviate(value) + "\" in " + url + "; it must be a whole number of "
            + "seconds from 0 to " + MtaStsPolicyParser.MAX_MAX_AGE + " (RFC 8461 §3.2).",
        "Write e.g. \"max_age: 604800\" (one week). " + republish(),
        List.of(url, example(PolicyMode.TESTING), domain));
  }

  Finding mxInvalid(String value) {
    return new Finding("mtasts.policy-mx-invalid", Severity.ERROR, BROKEN,
        "mx \"" + abbreviate(value) + "\" in " + url + " is not a host name or \"*.\" "
            + "followed by a domain (RFC 8461 §3.2 sts-policy-mx-value).",
        "List each mail server by name, e.g. \"mx: mail." + domain + "\". " + republish(),
        List.of(domain, url, example(PolicyMode.TESTING)));
  }

  Finding unknownKey(String key) {
    return new Finding("mtasts.policy-unknown-key", Severity.WARNING,
        "Your MTA-STS policy file contains a setting that mail servers do not understand.",
        "\"" + key + "\" in " + url + " is not defined by RFC 8461 and is ignored by senders "
            + "(RFC 8461 §3.2; keys are case-sensitive).",
        "Remove the \"" + key + ":\" line.", List.of(key));
  }

  Finding keysMissing(Collection<String> keys) {
    return new Finding("mtasts.policy-key-missing", Severity.ERROR, BROKEN,
        url + " lacks " + String.join(", ", keys) + "; version, mode and max_age are required, "
            + "and mx unless mode is none (RFC 8461 §3.2).",
        republish(), List.of(url, example(PolicyMode.TESTING), domain));
  }
}
