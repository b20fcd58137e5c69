package dev.vigie.dns.mtasts;

import static dev.vigie.dns.mtasts.Fields.abbreviate;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import java.util.List;

/** The findings about fetching the policy file and applying it to the MX hosts, worded once. */
final class FetchFindings {

  private static final String UNREADABLE = "Mail servers cannot read your MTA-STS policy, so "
      + "encryption is not enforced for your email.";

  private final String url;
  private final String domain;
  private final PolicyFindings words;

  FetchFindings(String domain, List<String> mxHosts) {
    this.domain = domain;
    this.url = PolicyFindings.policyUrl(domain);
    this.words = new PolicyFindings(domain, mxHosts);
  }

  Finding failure(FetchResult.Failure failure) {
    return switch (failure.kind()) {
      case TIMEOUT -> new Finding("mtasts.policy-timeout", Severity.WARNING,
          "We could not download your MTA-STS policy just now because the web server did not "
              + "answer in time; we will retry.",
          url + ": " + failure.message() + ". RFC 8461 §3.3 suggests senders give up after "
              + "one minute.",
          "Make sure https://mta-sts." + domain + " answers quickly and reliably.",
          List.of(domain));
      case CERTIFICATE -> new Finding("mtasts.policy-certificate-invalid", Severity.ERROR,
          UNREADABLE,
          url + ": TLS failed (" + failure.message() + "). RFC 8461 §3.3 requires a certificate "
              + "that is valid for mta-sts." + domain + ", unexpired and from a trusted CA.",
          "Install a certificate for mta-sts." + domain + " from a public CA (e.g. Let's "
              + "Encrypt) on the server that hosts the policy.",
          List.of(domain));
      case TOO_LARGE -> new Finding("mtasts.policy-too-large", Severity.ERROR, UNREADABLE,
          url + ": " + failure.message() + "; RFC 8461 §3.3 lets senders stop at 64 KB.",
          "Serve only the policy text at " + url + ".", List.of(url));
      case CONNECTION, NOT_HTTPS -> new Finding("mtasts.policy-unreachable", Severity.ERROR,
          UNREADABLE, url + ": " + failure.message() + " (RFC 8461 §3.3).",
          "Publish the policy on a web server reachable over HTTPS as mta-sts." + domain
              + ", or remove the _mta-sts." + domain + " TXT record until it is ready.",
          List.of(domain));
    };
  }

  Finding redirect(int status, String location) {
    return new Finding("mtasts.policy-redirect", Severity.ERROR, UNREADABLE,
        url + " answered HTTP " + status + " redirecting to " + abbreviate(location)
            + "; RFC 8461 §3.3 forbids senders to follow redirects.",
        "Serve the policy directly at " + url + " with status 200, without a redirect.",
        List.of(url));
  }

  Finding httpStatus(int status) {
    return new Finding("mtasts.policy-http-status", Severity.ERROR, UNREADABLE,
        url + " answered HTTP " + status + "; a policy is valid only with status 200 "
            + "(RFC 8461 §3.3).",
        "Serve this text at " + url + ":\n" + words.example(PolicyMode.TESTING),
        List.of(url, words.example(PolicyMode.TESTING)));
  }

  Finding contentType(String mediaType) {
    return new Finding("mtasts.policy-content-type", Severity.WARNING,
        "Your MTA-STS policy is served with the wrong file type, so some mail servers may "
            + "ignore it.",
        url + " is served as \"" + (mediaType.isEmpty() ? "(no Content-Type)" : mediaType)
            + "\"; senders SHOULD check that it is text/plain (RFC 8461 §3.2).",
        "Configure the web server to send \"Content-Type: text/plain\" for " + url + ".",
        List.of(url));
  }

  Finding notCovered(List<String> hosts, MtaStsPolicy policy) {
    boolean enforce = policy.mode() == PolicyMode.ENFORCE;
    return new Finding("mtasts.policy-mx-not-covered", enforce ? Severity.ERROR : Severity.WARNING,
        enforce ? "Some of your mail servers are missing from your MTA-STS policy, so other "
            + "servers will refuse to deliver email to them."
            : "Some of your mail servers are missing from your MTA-STS policy, which would "
            + "block email to them once you switch to enforce mode.",
        "MX host(s) " + String.join(", ", hosts) + " match none of the policy's mx patterns ("
            + String.join(", ", policy.mxPatterns()) + "); a \"*.\" pattern covers exactly one "
            + "extra leftmost label (RFC 8461 §4.1). In " + policy.mode().value() + " mode, "
            + (enforce ? "senders MUST NOT deliver to them (RFC 8461 §5)."
                : "senders deliver but report a failure (RFC 8461 §5)."),
        "Serve this text at " + url + ":\n" + words.example(policy.mode())
            + "then change the id= in the _mta-sts." + domain + " TXT record.",
        List.of(url, words.example(policy.mode()), domain));
  }

  Finding modeTesting() {
    return new Finding("mtasts.mode-testing", Severity.INFO,
        "Your MTA-STS policy is in test mode: problems are reported but your email is not yet "
            + "protected.",
        url + " has mode: testing; senders deliver even when TLS fails and only report it "
            + "(RFC 8461 §5, RFC 8460).",
        "When TLS reports show no failures for a few weeks, serve this text at " + url + ":\n"
            + words.example(PolicyMode.ENFORCE) + "then change the id= in the _mta-sts." + domain
            + " TXT record.",
        List.of(url, words.example(PolicyMode.ENFORCE), domain));
  }

  Finding modeNone() {
    return new Finding("mtasts.mode-none", Severity.INFO,
        "Your MTA-STS policy is switched off, so it does not protect your email.",
        url + " has mode: none, which withdraws the policy (RFC 8461 §5, §8.3).",
        "If this is not a deliberate wind-down, serve this text at " + url + ":\n"
            + words.example(PolicyMode.TESTING) + "then change the id= in the _mta-sts."
            + domain + " TXT record.",
        List.of(url, words.example(PolicyMode.TESTING), domain));
  }

  Finding maxAgeShort(long maxAge) {
    return new Finding("mtasts.max-age-short", Severity.INFO,
        "Your MTA-STS policy is remembered by other mail servers for only a short time, which "
            + "weakens its protection.",
        url + " has max_age: " + maxAge + " s; RFC 8461 §3.2 expects weeks or more so that an "
            + "attacker cannot wait for policies to expire.",
        "Set \"max_age: 1209600\" (two weeks) or more in " + url + ", then change the id= in "
            + "the _mta-sts." + domain + " TXT record.",
        List.of(url, domain));
  }
}
