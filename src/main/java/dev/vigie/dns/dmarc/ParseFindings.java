package dev.vigie.dns.dmarc;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The findings about a record's syntax and values, worded once. */
final class ParseFindings {

  private static final String EXAMPLE = "v=DMARC1; p=none; rua=mailto:dmarc@yourdomain";

  private ParseFindings() {}

  static Finding tooLong(int length) {
    return new Finding("dmarc.record-too-long", Severity.ERROR,
        "Your DMARC record is far too long to be a real DMARC record.",
        "The record is " + length + " characters; a TXT record holds at most 65535 octets.",
        "Replace it with a short record such as: " + EXAMPLE);
  }

  static Finding leadingWhitespace(int count) {
    return new Finding("dmarc.leading-whitespace", Severity.ERROR,
        "Your DMARC record starts with a space, so mail providers may ignore it.",
        "The record begins with " + count + " whitespace character(s) before \"v=DMARC1\"; "
            + "RFC 9989 (Formal Definition) has the record start with the v tag, and "
            + "receivers that match \"v=DMARC1\" at the start discard it.",
        "Remove the leading space so the record begins with \"v=DMARC1\".");
  }

  static Finding versionNotFirst(String text) {
    String shown = text.length() > 60 ? text.substring(0, 60) + "…" : text;
    return new Finding("dmarc.version-not-first", Severity.ERROR,
        "Your DMARC record does not start with v=DMARC1, so mail providers ignore it.",
        "RFC 9989 General Record Format: v must be the first tag and the record is discarded "
            + "otherwise. The record begins: \"" + shown + "\".",
        "Start the record with \"v=DMARC1;\", e.g. " + EXAMPLE);
  }

  static Finding invalidVersion(String value) {
    String hint = value.startsWith("DMARC1") && value.length() > 6
        ? " A ';' seems to be missing after \"DMARC1\"." : "";
    return new Finding("dmarc.invalid-version", Severity.ERROR,
        "Your DMARC record has the wrong version, so mail providers ignore it.",
        "v=" + value + ": the value must be exactly \"DMARC1\", upper-case (RFC 9989 Formal "
            + "Definition, %s\"DMARC1\")." + hint,
        "Start the record with \"v=DMARC1;\".");
  }

  static Finding syntaxError(@Nullable String what, int position, String text) {
    return new Finding("dmarc.syntax-error", Severity.ERROR,
        "Part of your DMARC record is written incorrectly, so mail providers ignore that part.",
        "Syntax error at position " + position + ": " + what + " (RFC 9989 Formal Definition, "
            + "tag-list syntax). Record: \"" + abbreviate(text) + "\".",
        "Write the record as tag=value pairs separated by semicolons, e.g. " + EXAMPLE);
  }

  static Finding duplicateTag(String name, int position) {
    return new Finding("dmarc.duplicate-tag", Severity.ERROR,
        "Your DMARC record sets the same option twice, so mail providers may ignore the record.",
        "The tag \"" + name + "\" appears again at position " + position + ". DMARC uses the "
            + "DKIM tag-list syntax, where a repeated tag makes the whole list invalid (RFC 6376 "
            + "§3.2); Vigie read the first occurrence.",
        "Keep a single " + name + "= tag.", List.of(name));
  }

  /**
   * A tag whose value is not one the tag takes.
   *
   * @param expected the valid values in English, for the CLI
   * @param allowed the same as a bare list or range of values (e.g. {@code none, quarantine,
   *     reject}, {@code 0–100}), which the translated fix quotes in any language
   */
  static Finding invalidValue(DmarcTag tag, String expected, String allowed) {
    String hint = tag.value().contains("=") ? " A ';' seems to be missing before the next tag."
        : "";
    return new Finding("dmarc.invalid-tag-value", Severity.ERROR,
        "Your DMARC record has a setting with a value mail providers do not understand.",
        tag.name() + "=" + abbreviate(tag.value()) + " at position " + tag.position()
            + ": expected " + expected + "; receivers use the default instead (RFC 9989 General "
            + "Record Format)." + hint,
        "Set " + tag.name() + "= to " + expected + ".", List.of(tag.name(), allowed));
  }

  static Finding policyMissing(DmarcMode mode) {
    boolean bis = mode == DmarcMode.RFC9989;
    return new Finding("dmarc.policy-missing", bis ? Severity.WARNING : Severity.ERROR,
        "Your DMARC record does not say what to do with fake mail, so nothing is blocked.",
        bis ? "No valid p= tag; RFC 9989 treats the record as p=none (and its DMARC Policy "
            + "Discovery applies no DMARC at all unless rua holds a valid URI)."
            : "No valid p= tag; RFC 7489 §6.3 requires p, and §6.6.3 applies it as p=none only "
                + "when rua holds a valid URI.",
        "Add a policy right after v=DMARC1, e.g. " + EXAMPLE);
  }

  static Finding policyNotSecond() {
    return new Finding("dmarc.policy-not-second", Severity.WARNING,
        "Your DMARC policy is not in the place older mail systems look for it.",
        "RFC 7489 §6.4 requires p to follow v immediately (dmarc-version dmarc-sep "
            + "dmarc-request); RFC 9989 lifted this, but strict RFC 7489 parsers reject it.",
        "Put p= straight after v=DMARC1, e.g. " + EXAMPLE);
  }

  static Finding foRedundant() {
    return new Finding("dmarc.fo-redundant", Severity.WARNING,
        "Your DMARC failure-report options repeat each other; one is enough.",
        "fo= lists both 0 and 1; 1 (report any failure) includes 0 (report when all fail).",
        "Keep only one of them, e.g. fo=1.");
  }

  static Finding removedTag(DmarcTag tag) {
    String extra = tag.name().equals("pct") && !tag.value().strip().equals("100")
        ? " pct=" + tag.value() + " no longer limits the policy; receivers applying RFC 9989 "
            + "enforce it on all failing mail (use t=y to test instead)."
        : "";
    return new Finding("dmarc.removed-tag", Severity.WARNING,
        "Your DMARC record uses an option that newer mail systems no longer read.",
        tag.name() + "=" + abbreviate(tag.value()) + ": pct, rf and ri were removed in RFC 9989 "
            + "and receivers applying it ignore them." + extra,
        "Remove " + tag.name() + "=" + abbreviate(tag.value()) + " from the record.",
        List.of(tag.name() + "=" + abbreviate(tag.value())));
  }

  static Finding notInRfc7489(DmarcTag tag) {
    return new Finding("dmarc.tag-not-in-rfc7489", Severity.INFO,
        "Older mail systems ignore one option in your DMARC record.",
        tag.name() + "= is defined by RFC 9989, not RFC 7489; RFC 7489 receivers ignore it "
            + "(§6.3: unknown tags MUST be ignored).",
        null);
  }

  static Finding unknownTag(DmarcTag tag) {
    return new Finding("dmarc.unknown-tag", Severity.WARNING,
        "Your DMARC record contains an option that does not exist, which mail providers ignore.",
        "Unknown tag \"" + tag.name() + "\" at position " + tag.position()
            + "; receivers ignore unknown tags (RFC 9989 General Record Format). A typo can hide "
            + "a real setting.",
        "Remove or correct " + tag.name() + "=" + abbreviate(tag.value()) + ".",
        List.of(tag.name() + "=" + abbreviate(tag.value())));
  }

  static Finding tooManyProblems(int omitted) {
    return new Finding("dmarc.too-many-problems", Severity.WARNING,
        "Your DMARC record has many more problems than are listed here.",
        omitted + " further finding(s) were not listed.",
        "Replace the record with a simple one such as: " + EXAMPLE);
  }

  static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}
