package dev.vigie.dns.bimi;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import dev.vigie.dns.DnsStatus;
import java.util.List;

/** The findings about the BIMI record itself, worded once. */
final class BimiFindings {

  private static final String BROKEN = "Your BIMI record is written incorrectly, so email "
      + "programs will not show your logo.";

  private final String name;

  /** @param name the record's DNS name, {@code <selector>._bimi.<domain>} */
  BimiFindings(String name) {
    this.name = name;
  }

  private String domain() {
    int at = name.indexOf("._bimi.");
    return at < 0 ? name : name.substring(at + "._bimi.".length());
  }

  String example() {
    return "v=BIMI1; l=https://" + domain() + "/bimi/logo.svg; a=https://" + domain()
        + "/bimi/vmc.pem";
  }

  Finding temporary(DnsStatus status) {
    return new Finding("bimi.temporary-error", Severity.WARNING,
        "We could not check your BIMI logo record just now because of a DNS problem; we will "
            + "retry.",
        "TXT lookup of " + name + " ended with " + status + ", a temporary condition; nothing is "
            + "concluded about the record from it.",
        null);
  }

  Finding missing(List<String> queried) {
    return new Finding("bimi.missing", Severity.INFO,
        "Your domain does not publish a brand logo for email programs to show next to your "
            + "messages.",
        "No BIMI record at " + String.join(" or ", queried) + ". BIMI is optional; it needs "
            + "DMARC at quarantine or reject and, for Gmail and Apple Mail, a mark certificate.",
        "Once DMARC is enforced, publish a TXT record at " + name + " with the value: \""
            + example() + "\".",
        List.of(name, example()));
  }

  Finding inherited(String recordName) {
    return new Finding("bimi.inherited", Severity.INFO,
        "Your domain uses the BIMI logo record of its parent domain.",
        "No record at " + name + "; receivers fall back to " + recordName + " (BIMI draft, "
            + "record discovery at the organizational domain).",
        null);
  }

  Finding multiple(List<String> records) {
    return new Finding("bimi.multiple-records", Severity.ERROR,
        "Your domain has more than one BIMI record, so email programs show no logo.",
        name + " has " + records.size() + " records starting with v=BIMI1; receivers then "
            + "treat the domain as having none (BIMI draft, record discovery): "
            + String.join(" | ", records.stream().limit(5).map(BimiFindings::abbreviate)
                .toList()),
        "Delete all but one TXT record at " + name + ".", List.of(name));
  }

  Finding versionInvalid(String text) {
    return new Finding("bimi.version-invalid", Severity.ERROR, BROKEN,
        "\"" + abbreviate(text) + "\" at " + name + " does not begin with the tag v=BIMI1 "
            + "(exact value, first tag; BIMI draft, assertion record definition).",
        "Replace it with \"" + example() + "\".", List.of(example()));
  }

  Finding syntax(String text, String problem) {
    return new Finding("bimi.syntax-error", Severity.ERROR, BROKEN,
        "The record at " + name + ", \"" + abbreviate(text) + "\", has " + problem
            + " (tag-list syntax of RFC 6376 §3.2, which BIMI uses).",
        "Replace it with \"" + example() + "\".", List.of(example()));
  }

  Finding duplicateTag(String key) {
    return new Finding("bimi.duplicate-tag", Severity.ERROR, BROKEN,
        "The tag \"" + key + "\" appears more than once at " + name + ", which invalidates the "
            + "whole record (RFC 6376 §3.2).",
        "Keep one " + key + "= tag, e.g. \"" + example() + "\".",
        List.of(key, example()));
  }

  Finding logoUrlMissing(String text) {
    return new Finding("bimi.logo-url-missing", Severity.ERROR, BROKEN,
        "The record at " + name + ", \"" + abbreviate(text) + "\", has no l= tag (the logo "
            + "location; leave it empty only to decline BIMI).",
        "Replace it with \"" + example() + "\".", List.of(example()));
  }

  Finding logoUrlInvalid(String value, String problem) {
    return new Finding("bimi.logo-url-invalid", Severity.ERROR, BROKEN,
        "l=\"" + abbreviate(value) + "\" at " + name + " is unusable: " + problem
            + ". It must be one https URL of an SVG file (BIMI draft, l= tag).",
        "Replace it with \"" + example() + "\", using your logo's real URL.",
        List.of(example()));
  }

  Finding authorityUrlInvalid(String value, String problem) {
    return new Finding("bimi.authority-url-invalid", Severity.ERROR, BROKEN,
        "a=\"" + abbreviate(value) + "\" at " + name + " is unusable: " + problem
            + ". It must be empty or one https URL of a PEM certificate (BIMI draft, a= tag).",
        "Replace it with \"" + example() + "\", using your certificate's real URL.",
        List.of(example()));
  }

  Finding avpInvalid(String value) {
    return new Finding("bimi.avp-invalid", Severity.ERROR, BROKEN,
        "avp=\"" + abbreviate(value) + "\" at " + name + " must be brand or personal (BIMI "
            + "draft, avp= tag).",
        "Write avp=brand, or remove the tag.");
  }

  Finding unknownTag(String key) {
    return new Finding("bimi.unknown-tag", Severity.WARNING,
        "Your BIMI record contains a setting that email programs do not understand.",
        "The tag \"" + key + "\" at " + name + " is not defined by the BIMI draft and is "
            + "ignored by receivers; tag names are case-sensitive.",
        "Remove \"" + key + "=...\" from the record.", List.of(key));
  }

  Finding declined() {
    return new Finding("bimi.declined", Severity.INFO,
        "Your domain asks email programs not to show a brand logo.",
        name + " has an empty l= (and no a=): a BIMI declination record.",
        null);
  }

  Finding certificatePresent(String url) {
    return new Finding("bimi.certificate-present", Severity.INFO,
        "Your BIMI record points to a mark certificate; we have not verified it.",
        "a=" + abbreviate(url) + " at " + name + ". Vigie does not validate VMC/CMC "
            + "certificates (chain to the mark verifying authorities, validity dates, embedded "
            + "logo matching l=).",
        null);
  }

  Finding certificateMissing() {
    return new Finding("bimi.certificate-missing", Severity.WARNING,
        "Without a mark certificate, Gmail and Apple Mail will not show your logo.",
        name + " has no a= tag (or an empty one). Receivers such as Gmail and Apple Mail "
            + "require a Verified Mark Certificate or Common Mark Certificate.",
        "Obtain a VMC or CMC from a mark verifying authority, publish the PEM file over HTTPS "
            + "and add it: \"" + example() + "\".", List.of(example()));
  }

  static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 117) + "...";
  }
}
