package dev.vigie.dns.dkim;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import dev.vigie.dns.DnsStatus;
import java.util.List;
import java.util.Optional;

/** The DKIM findings, worded once. {@code name} is the key's DNS name. */
final class DkimFindings {

  static final int MIN_BITS = 1024;
  static final int GOOD_BITS = 2048;
  static final int MAX_VERIFIED_BITS = 4096;

  private static final String NEW_KEY =
      "Generate a new 2048-bit RSA key in your mail service and publish the TXT record it gives "
          + "you";

  private DkimFindings() {}

  static Finding invalid(String name, String why) {
    return new Finding("dkim.invalid-record", Severity.ERROR,
        "The DKIM key at " + name + " is written incorrectly, so mail signed with it fails.",
        name + ": " + why + ".",
        "Publish the key record exactly as your mail service gives it, e.g. "
            + "\"v=DKIM1; k=rsa; p=<base64 key>\".",
        List.of(name));
  }

  static Finding unknownKeyType(String name, String k) {
    return new Finding("dkim.unknown-key-type", Severity.ERROR,
        "The DKIM key at " + name + " is of a type mail providers do not know, so it is unused.",
        name + ": k=" + k + "; verifiers know rsa (RFC 6376 §3.6.1) and ed25519 (RFC 8463).",
        "Set k=rsa (or k=ed25519 for an Ed25519 key).", List.of(name));
  }

  static Finding malformedKey(String name, String why) {
    return new Finding("dkim.malformed-key", Severity.ERROR,
        "The DKIM key at " + name + " is damaged, so mail signed with it fails.",
        name + ": " + why + ".",
        "Copy the p= value again from your mail service, without added spaces or quotes.",
        List.of(name));
  }

  static Optional<Finding> strength(String name, DkimKeyType type, int bits) {
    if (type != DkimKeyType.RSA) {
      return Optional.empty();
    }
    if (bits < MIN_BITS) {
      return Optional.of(new Finding("dkim.key-too-short", Severity.ERROR,
          "The DKIM key at " + name + " is too weak, so mail providers treat its signatures as "
              + "invalid.",
          name + ": " + bits + "-bit RSA key; verifiers MUST NOT accept signatures with keys "
              + "under 1024 bits (RFC 8301 §3.2).",
          NEW_KEY + ".", List.of(name)));
    }
    if (bits < GOOD_BITS) {
      return Optional.of(new Finding("dkim.key-weak", Severity.WARNING,
          "The DKIM key at " + name + " is weaker than recommended.",
          name + ": " + bits + "-bit RSA key; RFC 8301 §3.2 says signers SHOULD use at least "
              + "2048 bits.",
          NEW_KEY + ", then retire this selector.", List.of(name)));
    }
    if (bits > MAX_VERIFIED_BITS) {
      return Optional.of(new Finding("dkim.key-too-long", Severity.WARNING,
          "The DKIM key at " + name + " is so long that some mail providers may not check it.",
          name + ": " + bits + "-bit RSA key; verifiers are only required to handle 1024 to "
              + "4096 bits (RFC 8301 §3.2).",
          NEW_KEY + ".", List.of(name)));
    }
    return Optional.empty();
  }

  static Finding revoked(String name) {
    return new Finding("dkim.key-revoked", Severity.INFO,
        "The DKIM key at " + name + " has been withdrawn; mail signed with it fails.",
        name + ": empty p=, the key is revoked (RFC 6376 §3.6.1 p=).", null,
        List.of(name));
  }

  static Finding noUsableHash(String name, String h) {
    return new Finding("dkim.no-usable-hash", Severity.ERROR,
        "The DKIM key at " + name + " only allows outdated algorithms, so its signatures fail.",
        name + ": h=" + h + " does not include sha256; sha1 MUST NOT be used (RFC 8301 §3.1), "
            + "and signatures with other hashes are rejected (RFC 6376 §3.6.1 h=).",
        "Remove the h= tag, or set h=sha256.", List.of(name));
  }

  static Finding notForEmail(String name, String s) {
    return new Finding("dkim.not-for-email", Severity.ERROR,
        "The DKIM key at " + name + " is marked as not for email, so mail providers ignore it.",
        name + ": s=" + s + " includes neither * nor email (RFC 6376 §3.6.1 s=).",
        "Remove the s= tag, or set s=email.", List.of(name));
  }

  static Finding testing(String name) {
    return new Finding("dkim.testing-mode", Severity.WARNING,
        "The DKIM key at " + name + " is marked as a test, so some providers ignore failures.",
        name + ": t=y, verifiers MUST NOT treat messages differently from unsigned ones "
            + "(RFC 6376 §3.6.1 t=).",
        "Remove y from the t= tag once signing works.", List.of(name));
  }

  static Finding obsoleteGranularity(String name, String g) {
    return new Finding("dkim.obsolete-tag", Severity.INFO,
        "The DKIM key at " + name + " has an old setting that is now ignored.",
        name + ": g=" + g + " is the RFC 4871 granularity tag, removed by RFC 6376 and ignored "
            + "by current verifiers; older ones may refuse signatures it does not match.",
        "Remove the g= tag.", List.of(name));
  }

  static Finding unknownTag(String name, String tag) {
    return new Finding("dkim.unknown-tag", Severity.INFO,
        "The DKIM key at " + name + " has an unknown setting, which is ignored.",
        name + ": tag \"" + tag + "\" is not defined by RFC 6376 §3.6.1; verifiers ignore it.",
        null, List.of(name));
  }

  static Finding temporary(String name, DnsStatus status) {
    return new Finding("dkim.temporary-error", Severity.WARNING,
        "We could not check the DKIM key at " + name + " because of a DNS problem; we will retry.",
        "TXT lookup of " + name + " ended with " + status + ", a temporary condition.", null,
        List.of(name));
  }

  static Finding selectorMissing(String name, String status) {
    return new Finding("dkim.selector-missing", Severity.ERROR,
        "No DKIM key is published at " + name + ", so mail signed with it fails.",
        "TXT lookup of " + name + ": " + status + ".",
        "Publish the DKIM TXT record your mail service gives you at " + name + ".",
        List.of(name));
  }

  static Finding multipleRecords(String name, int count) {
    return new Finding("dkim.multiple-records", Severity.WARNING,
        "There are several DKIM keys at " + name + ", so signatures may randomly fail.",
        name + " has " + count + " TXT records; verifiers pick one (RFC 6376 §3.6.2.2).",
        "Keep a single key record at " + name + ".", List.of(name));
  }

  static Finding noKeysFound(String domain, int tried) {
    return new Finding("dkim.no-keys-found", Severity.WARNING,
        "We found no DKIM key for " + domain + "; without one, your mail is not signed.",
        "None of the " + tried + " selectors tried under _domainkey." + domain
            + " has a key; the real selector may have another name (see the s= tag of a "
            + "DKIM-Signature header).",
        "Turn on DKIM signing in your mail service and publish the TXT record it gives you, or "
            + "tell us its selector.", List.of(domain));
  }

  static Finding invalidName(String what) {
    return new Finding("dkim.invalid-name", Severity.ERROR,
        "This is not a valid domain or selector name, so it cannot be checked.",
        "\"" + (what.length() > 80 ? what.substring(0, 80) + "…" : what)
            + "\" is not a DNS name (RFC 1035 §2.3.4; selectors per RFC 6376 §3.1).",
        null);
  }
}
