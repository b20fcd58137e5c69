package dev.vigie.enrich;

import dev.vigie.dns.psl.OrganizationalDomains;
import dev.vigie.report.aggregate.AggregateRecord;
import dev.vigie.report.aggregate.AggregateRecord.DkimResult;
import dev.vigie.report.aggregate.AggregateRecord.SpfResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The authentication facts of one record, relative to the domain's organisational domain
 * (relaxed alignment, RFC 7489 §3.1).
 *
 * @param alignedDkimPresent a DKIM result whose {@code d=} is in the domain's organisation exists
 * @param alignedDkimFailed such a result is "fail" (signature there, did not verify)
 * @param thirdPartyPass a DKIM or SPF pass for a domain outside the organisation
 * @param passingDkimDomains every {@code d=} whose signature passed
 * @param envelopeDomain MAIL FROM domain (reported, else the first mfrom SPF domain)
 * @param domainEnvelope {@code envelopeDomain} is in the domain's organisation
 * @param verifiedEnvelope the MAIL FROM domain when SPF passed for it
 */
record RecordFacts(
    boolean forwardingOverride,
    boolean alignedDkimPresent,
    boolean alignedDkimFailed,
    boolean thirdPartyPass,
    List<String> passingDkimDomains,
    @Nullable String envelopeDomain,
    boolean domainEnvelope,
    @Nullable String verifiedEnvelope) {

  /** RFC 7489 §7.2 PolicyOverrideType values that mean the receiver recognised forwarding. */
  private static final Set<String> FORWARDING_OVERRIDES =
      Set.of("forwarded", "mailing_list", "trusted_forwarder");

  static RecordFacts of(AggregateRecord r, String orgDomain, OrganizationalDomains orgs) {
    boolean override = r.overrides().stream()
        .anyMatch(o -> FORWARDING_OVERRIDES.contains(o.type().strip().toLowerCase(Locale.ROOT)));
    boolean alignedPresent = false;
    boolean alignedFailed = false;
    boolean thirdParty = false;
    List<String> passing = new ArrayList<>();
    for (DkimResult d : r.dkim()) {
      boolean pass = is(d.result(), "pass");
      if (inOrg(d.domain(), orgDomain, orgs)) {
        alignedPresent = true;
        alignedFailed |= is(d.result(), "fail");
      } else if (pass) {
        thirdParty = true;
      }
      if (pass) {
        passing.add(DomainPatterns.normalize(d.domain()));
      }
    }
    String envelope = r.envelopeFrom();
    if (envelope == null || envelope.isBlank()) {
      envelope = r.spf().stream().filter(s -> is(s.scope(), "mfrom")).map(SpfResult::domain)
          .findFirst().orElse(null);
    }
    String verified = null;
    for (SpfResult s : r.spf()) {
      if (is(s.result(), "pass") && is(s.scope(), "mfrom")) {
        thirdParty |= !inOrg(s.domain(), orgDomain, orgs);
        if (verified == null) {
          verified = DomainPatterns.normalize(s.domain());
        }
      }
    }
    String env = envelope == null || envelope.isBlank() ? null : DomainPatterns.normalize(envelope);
    return new RecordFacts(override, alignedPresent, alignedFailed, thirdParty, List.copyOf(passing),
        env, env != null && inOrg(env, orgDomain, orgs), verified);
  }

  private static boolean inOrg(String domain, String orgDomain, OrganizationalDomains orgs) {
    String d = DomainPatterns.normalize(domain);
    return d.equals(orgDomain) || orgs.organizationalDomain(d).map(orgDomain::equals).orElse(false);
  }

  private static boolean is(@Nullable String value, String expected) {
    return value != null && value.strip().equalsIgnoreCase(expected);
  }
}
