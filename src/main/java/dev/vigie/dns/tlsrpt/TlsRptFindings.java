package dev.vigie.dns.tlsrpt;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import dev.vigie.dns.DnsStatus;
import java.util.List;

/** The TLS-RPT findings, worded once. */
final class TlsRptFindings {

  private TlsRptFindings() {}

  static String example(String domain) {
    return "v=TLSRPTv1; rua=mailto:tls-reports@" + domain;
  }

  static Finding temporary(String name, DnsStatus status) {
    return new Finding("tlsrpt.temporary-error", Severity.WARNING,
        "We could not check your TLS reporting record just now because of a DNS problem; we "
            + "will retry.",
        "TXT lookup of " + name + " ended with " + status + ", a temporary condition; nothing is "
            + "concluded about the record from it.",
        null);
  }

  static Finding missing(String domain, String name, List<String> unrelated) {
    String others = unrelated.isEmpty() ? "" : " (" + unrelated.size()
        + " unrelated TXT record(s) there were ignored)";
    return new Finding("tlsrpt.missing", Severity.INFO,
        "Your domain does not ask other mail servers to report problems with encrypted delivery "
            + "to you.",
        "No TLS-RPT record at " + name + others + ". TLS reporting (RFC 8460) is optional, but "
            + "recommended with MTA-STS (RFC 8461) so that policy failures are noticed.",
        "Publish a TXT record at " + name + " with the value: \"" + example(domain) + "\".",
        List.of(name, example(domain)));
  }

  static Finding multiple(String name, List<String> records) {
    return new Finding("tlsrpt.multiple-records", Severity.ERROR,
        "Your domain has more than one TLS reporting record, so mail servers ignore all of them.",
        name + " has " + records.size() + " records starting with v=TLSRPTv1; RFC 8460 §3 says "
            + "senders then assume the domain does not use TLS reporting: " + quoted(records),
        "Delete all but one TXT record at " + name + ".",
        List.of(name));
  }

  static Finding versionInvalid(String name, String text) {
    return new Finding("tlsrpt.version-invalid", Severity.ERROR,
        "Your TLS reporting record is written incorrectly, so mail servers ignore it.",
        "\"" + abbreviate(text) + "\" at " + name + " does not begin with exactly \"v=TLSRPTv1;\""
            + " (case-sensitive, first, followed by ';'; RFC 8460 §3).",
        "Rewrite the record so it starts with \"v=TLSRPTv1;\", for example \""
            + example(domainOf(name)) + "\".",
        List.of(example(domainOf(name))));
  }

  static Finding syntax(String name, String text, String problem) {
    return new Finding("tlsrpt.syntax-error", Severity.ERROR,
        "Your TLS reporting record is written incorrectly, so mail servers ignore it.",
        "The record at " + name + ", \"" + abbreviate(text) + "\", has " + problem
            + " (RFC 8460 §3 grammar).",
        "Republish the record as \"" + example(domainOf(name)) + "\" with your own address.",
        List.of(example(domainOf(name))));
  }

  static Finding duplicateTag(String name, String key) {
    String record = "v=TLSRPTv1; rua=mailto:a@" + domainOf(name)
        + ",https://reports.example/tlsrpt";
    return new Finding("tlsrpt.duplicate-tag", Severity.ERROR,
        "Your TLS reporting record lists the same setting twice, so mail servers may ignore it.",
        "The field \"" + key + "\" appears more than once in the record at " + name
            + "; rua must appear exactly once (RFC 8460 §3), with several URIs separated by "
            + "commas.",
        "Keep one " + key + "= field, e.g. \"" + record + "\".",
        List.of(key, record));
  }

  static Finding unknownTag(String name, String key) {
    String hint = key.equalsIgnoreCase("rua") ? " Field names are case-sensitive: write rua."
        : "";
    return new Finding("tlsrpt.unknown-tag", Severity.WARNING,
        "Your TLS reporting record contains a setting that mail servers do not understand.",
        "The field \"" + key + "\" at " + name + " is not defined by RFC 8460 and is ignored by "
            + "senders (RFC 8460 §3)." + hint,
        "Remove \"" + key + "=...\" from the record unless a report provider asked for it.",
        List.of(key));
  }

  static Finding ruaMissing(String name, String text, List<String> extensions) {
    return new Finding("tlsrpt.rua-missing", Severity.ERROR,
        "Your TLS reporting record does not say where reports should be sent, so none will be.",
        "The record at " + name + ", \"" + abbreviate(text) + "\", has no rua= field, which is "
            + "required (RFC 8460 §3)" + (extensions.isEmpty() ? "." : "; other fields: "
            + String.join(", ", extensions) + "."),
        "Republish it as \"" + example(domainOf(name)) + "\" with your own address.",
        List.of(example(domainOf(name))));
  }

  static Finding ruaInvalid(String name, String uri, String problem) {
    return new Finding("tlsrpt.rua-invalid-uri", Severity.ERROR,
        "One of the addresses in your TLS reporting record cannot receive reports.",
        "The rua URI \"" + abbreviate(uri) + "\" at " + name + " is unusable: " + problem
            + ". Only mailto: and https: URIs are allowed (RFC 8460 §3).",
        "Replace it with mailto:you@yourdomain or an https:// URL your report provider gave "
            + "you, e.g. \"" + example(domainOf(name)) + "\".",
        List.of(example(domainOf(name))));
  }

  /** The domain behind "_smtp._tls.domain". */
  static String domainOf(String name) {
    String prefix = TlsRptChecker.PREFIX;
    return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
  }

  static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 117) + "...";
  }

  private static String quoted(List<String> records) {
    StringBuilder sb = new StringBuilder();
    for (String r : records.subList(0, Math.min(records.size(), 5))) {
      sb.append(sb.isEmpty() ? "" : ", ").append('"').append(abbreviate(r)).append('"');
    }
    return sb.append('.').toString();
  }
}
