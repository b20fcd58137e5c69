package dev.vigie.dns.mtasts;

import static dev.vigie.dns.mtasts.Fields.abbreviate;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import dev.vigie.dns.DnsStatus;
import java.util.List;

/** The findings about the {@code _mta-sts} TXT record, worded once. */
final class RecordFindings {

  static final String EXAMPLE = "v=STSv1; id=20250101";
  private static final String ID_HINT = " (id is 1-32 letters and digits; change it every time "
      + "the policy file changes)";

  private RecordFindings() {}

  static Finding temporary(String name, DnsStatus status) {
    return new Finding("mtasts.temporary-error", Severity.WARNING,
        "We could not check your MTA-STS record just now because of a DNS problem; we will retry.",
        "TXT lookup of " + name + " ended with " + status + ", a temporary condition; nothing is "
            + "concluded about the record from it.",
        null);
  }

  static Finding missing(String domain, String name) {
    return new Finding("mtasts.missing", Severity.INFO,
        "Your domain does not require other mail servers to use encryption when sending you "
            + "email.",
        "No MTA-STS record at " + name + " (RFC 8461 §3.1). Without it, an attacker on the "
            + "network can strip STARTTLS and read mail sent to " + domain + ".",
        "Publish a policy file at https://mta-sts." + domain + "/.well-known/mta-sts.txt "
            + "(start with mode: testing), then a TXT record at " + name + " with the value: \""
            + EXAMPLE + "\"" + ID_HINT + ".",
        List.of(domain, name));
  }

  static Finding multiple(String name, List<String> records) {
    return new Finding("mtasts.multiple-records", Severity.ERROR,
        "Your domain has more than one MTA-STS record, so mail servers ignore MTA-STS entirely.",
        name + " has " + records.size() + " records starting with v=STSv1; RFC 8461 §3.1 says "
            + "senders then assume there is no policy: " + String.join(" | ", records.stream()
                .limit(5).map(Fields::abbreviate).toList()),
        "Delete all but one TXT record at " + name + ".", List.of(name));
  }

  static Finding versionInvalid(String name, String text) {
    return new Finding("mtasts.version-invalid", Severity.ERROR,
        "Your MTA-STS record is written incorrectly, so mail servers ignore it.",
        "\"" + abbreviate(text) + "\" at " + name + " does not begin with exactly \"v=STSv1;\" "
            + "(case-sensitive, first, followed by ';'; RFC 8461 §3.1).",
        "Replace it with \"" + EXAMPLE + "\"" + ID_HINT + ".");
  }

  static Finding syntax(String name, String text, String problem) {
    return new Finding("mtasts.syntax-error", Severity.ERROR,
        "Your MTA-STS record is written incorrectly, so mail servers ignore it.",
        "The record at " + name + ", \"" + abbreviate(text) + "\", has " + problem
            + " (RFC 8461 §3.1 grammar).",
        "Replace it with \"" + EXAMPLE + "\"" + ID_HINT + ".");
  }

  static Finding duplicateTag(String name, String key) {
    return new Finding("mtasts.duplicate-tag", Severity.ERROR,
        "Your MTA-STS record lists the same setting twice, so mail servers may ignore it.",
        "The field \"" + key + "\" appears more than once in the record at " + name
            + " (RFC 8461 §3.1).",
        "Keep one " + key + "= field, e.g. \"" + EXAMPLE + "\".", List.of(key));
  }

  static Finding idInvalid(String name, String id) {
    return new Finding("mtasts.id-invalid", Severity.ERROR,
        "Your MTA-STS record has an invalid version number, so mail servers ignore it.",
        "id=\"" + abbreviate(id) + "\" at " + name + " is not 1 to 32 letters and digits "
            + "(RFC 8461 §3.1 sts-id); dashes, dots and underscores are not allowed.",
        "Use an id of letters and digits only, e.g. \"" + EXAMPLE + "\".");
  }

  static Finding idMissing(String name, String text) {
    return new Finding("mtasts.id-missing", Severity.ERROR,
        "Your MTA-STS record has no version number, so mail servers ignore it.",
        "The record at " + name + ", \"" + abbreviate(text) + "\", has no id= field, which is "
            + "required (RFC 8461 §3.1).",
        "Replace it with \"" + EXAMPLE + "\"" + ID_HINT + ".");
  }

  static Finding unknownTag(String name, String key) {
    return new Finding("mtasts.unknown-tag", Severity.WARNING,
        "Your MTA-STS record contains a setting that mail servers do not understand.",
        "The field \"" + key + "\" at " + name + " is not defined by RFC 8461 and is ignored by "
            + "senders (RFC 8461 §3.1)." + (key.equalsIgnoreCase("id")
                ? " Field names are case-sensitive: write id." : ""),
        "Remove \"" + key + "=...\" from the record.", List.of(key));
  }

  static Finding invalidDomain(String domain) {
    return new Finding("mtasts.invalid-domain", Severity.ERROR,
        "This is not a valid domain name, so it cannot be checked.",
        "\"" + abbreviate(domain) + "\" is not a DNS name (RFC 1035 §2.3.4).", null);
  }
}
