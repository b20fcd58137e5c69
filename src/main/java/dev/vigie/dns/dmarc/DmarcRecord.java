package dev.vigie.dns.dmarc;

import dev.vigie.dns.psl.OrganizationalDomains;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A parsed DMARC policy record. Absent or invalid tags are null (or empty); the {@code effective}
 * methods apply the defaults of RFC 9989 (General Record Format).
 *
 * @param text the record as published (character-strings concatenated, RFC 9989 DMARC Policy
 *     Record)
 * @param mode the specification it was read against
 * @param policy p; null when absent or invalid
 * @param subdomainPolicy sp; null when absent or invalid
 * @param nonexistentPolicy np (RFC 9989, RFC 9091); null when absent or invalid
 * @param psd psd (RFC 9989 only)
 * @param testing t=y (RFC 9989 only)
 * @param dkimAlignment adkim, relaxed by default
 * @param spfAlignment aspf, relaxed by default
 * @param failureOptions fo, lower-case, "0" by default
 * @param aggregateUris rua, the syntactically valid mailto/https URIs only
 * @param failureUris ruf, likewise
 * @param percent pct (RFC 7489 only; null when absent, invalid, or read as RFC 9989)
 * @param tags every well-formed tag as written, in order
 */
public record DmarcRecord(
    String text,
    DmarcMode mode,
    @Nullable Policy policy,
    @Nullable Policy subdomainPolicy,
    @Nullable Policy nonexistentPolicy,
    PsdFlag psd,
    boolean testing,
    AlignmentMode dkimAlignment,
    AlignmentMode spfAlignment,
    List<String> failureOptions,
    List<ReportUri> aggregateUris,
    List<ReportUri> failureUris,
    @Nullable Integer percent,
    List<DmarcTag> tags) {

  public DmarcRecord {
    failureOptions = List.copyOf(failureOptions);
    aggregateUris = List.copyOf(aggregateUris);
    failureUris = List.copyOf(failureUris);
    tags = List.copyOf(tags);
  }

  /** p, or none when p is absent or invalid (RFC 9989 General Record Format; Policy Discovery). */
  public Policy effectivePolicy() {
    return policy != null ? policy : Policy.NONE;
  }

  /** sp, else p: the policy for existing subdomains (RFC 9989 General Record Format, sp). */
  public Policy effectiveSubdomainPolicy() {
    return subdomainPolicy != null ? subdomainPolicy : effectivePolicy();
  }

  /** np, else sp, else p: the policy for non-existent subdomains (RFC 9989, np). */
  public Policy effectiveNonexistentPolicy() {
    return nonexistentPolicy != null ? nonexistentPolicy : effectiveSubdomainPolicy();
  }

  /** The value of a tag as written, if present. */
  public Optional<String> tag(String name) {
    return tags.stream().filter(t -> t.name().equals(name)).map(DmarcTag::value).findFirst();
  }

  /** DKIM identifier alignment under this record's adkim (RFC 9989, DKIM Identifiers). */
  public boolean dkimAligned(String dkimDomain, String fromDomain, OrganizationalDomains orgs) {
    return Alignment.aligned(dkimDomain, fromDomain, dkimAlignment, orgs);
  }

  /** SPF identifier alignment under this record's aspf (RFC 9989, SPF Identifiers). */
  public boolean spfAligned(String mailFromDomain, String fromDomain, OrganizationalDomains orgs) {
    return Alignment.aligned(mailFromDomain, fromDomain, spfAlignment, orgs);
  }
}
