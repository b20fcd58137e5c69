package dev.vigie.enrich;

import dev.vigie.dns.psl.OrganizationalDomains;
import dev.vigie.report.aggregate.AggregateRecord;
import org.jspecify.annotations.Nullable;

/**
 * Sorts each aggregate record into a {@link SourceClass}. A pure function of the record, what is
 * known of the domain ({@link DomainProfile}) and of the source IP ({@link SourceInfo}); the
 * catalogue and the Public Suffix List are data. The first rule that applies decides:
 *
 * <ol>
 *   <li><b>DMARC passes</b> → {@link ClassificationRule#DMARC_PASS}. An aligned identifier
 *       verified; nothing else matters.
 *   <li><b>The receiver reported a {@code forwarded}, {@code mailing_list} or {@code
 *       trusted_forwarder} override</b> → forwarded. It saw the message (and its ARC chain, which
 *       aggregate data does not carry); we did not.
 *   <li><b>MAIL FROM is in the domain and the source IP belongs to a known platform that either
 *       signed the message itself, is a security gateway, or is one the domain declares</b> →
 *       authorised but failing. This is the commonest SME fault: Microsoft 365 or Google
 *       Workspace sends the domain's mail (envelope in the domain, {@code d=tenant.onmicrosoft.com}
 *       passing) but the SPF record lacks the provider's include and DKIM for the domain is not
 *       set up. A forwarder would have rewritten the envelope (SRS) or kept someone else's.
 *   <li><b>The domain's own DKIM signature is there with result "fail", and the source is not a
 *       service that originates mail (unknown, mailbox provider, forwarder, gateway), unless the
 *       envelope says the domain sent it from there</b> → forwarded. Only the domain's key holder
 *       can produce that signature, so the message started legitimately; a mailing list or relay
 *       then changed it (subject tag, footer) and the body hash broke.
 *   <li><b>The source IP is a known mailbox provider or forwarder and some third-party identity
 *       passed (the relay's DKIM, or SPF for its rewritten envelope)</b> → forwarded: the relay
 *       vouches for having re-sent it.
 *   <li><b>Any DKIM signature in the domain's organisation exists but did not pass</b> →
 *       authorised but failing: the domain set up signing for this source, but the key is
 *       missing, rotated or wrong, or strict alignment ({@code adkim=s}) rejects a subdomain.
 *   <li><b>A sender identified with strong evidence is one the domain declares</b> → authorised
 *       but failing.
 *   <li><b>A sender identified with strong evidence originates mail (marketing, CRM, billing,
 *       transactional…)</b> → authorised but failing: the classic newsletter tool sending with
 *       its own {@code d=mcsv.net} and bounce domain. Such services verify the From address
 *       before sending in its name, so someone with access to the domain's mailboxes set it up.
 *   <li>Otherwise → {@link SourceClass#UNKNOWN_OR_IMPOSTOR}.
 * </ol>
 *
 * <p>Limits, inherent to aggregate data: an impostor using a compromised Microsoft 365 tenant
 * looks like forwarding through Microsoft (rule 5), and a forged, failing DKIM signature in the
 * domain's name looks like a broken one (rules 4 and 6). Failure reports and ARC headers can tell
 * these apart; aggregate reports cannot. A sender named only by its ASN counts for nothing here:
 * AS8075 hosts every Azure virtual machine, not only Microsoft 365.
 */
public final class SourceClassifier {
  private final SenderCatalogue catalogue;
  private final OrganizationalDomains orgDomains;

  public SourceClassifier(SenderCatalogue catalogue, OrganizationalDomains orgDomains) {
    this.catalogue = catalogue;
    this.orgDomains = orgDomains;
  }

  public Classification classify(AggregateRecord record, String orgDomain, SourceInfo source) {
    return classify(record, DomainProfile.of(orgDomain), source);
  }

  public Classification classify(AggregateRecord record, DomainProfile domain, SourceInfo source) {
    RecordFacts f = RecordFacts.of(record, domain.orgDomain(), orgDomains);
    KnownSender ipSender = source.sender();
    KnownSender authSender = catalogue
        .identify(new SenderSignals(null, null, f.passingDkimDomains(), f.verifiedEnvelope()))
        .map(SenderMatch::sender).orElse(null);
    KnownSender shown = catalogue.identify(new SenderSignals(
            ipSender == null ? null : source.reverseDns(), source.asn(), f.passingDkimDomains(),
            f.verifiedEnvelope()))
        .filter(SenderMatch::strong).map(SenderMatch::sender).orElse(null);
    return new Classification(rule(record, f, domain, ipSender, authSender), shown);
  }

  private static ClassificationRule rule(AggregateRecord record, RecordFacts f,
      DomainProfile domain, @Nullable KnownSender ipSender, @Nullable KnownSender authSender) {
    if (record.dmarcPass()) {
      return ClassificationRule.DMARC_PASS;
    }
    if (f.forwardingOverride()) {
      return ClassificationRule.RECEIVER_SAW_FORWARDING;
    }
    if (f.domainEnvelope() && ipSender != null && (ipSender.equals(authSender)
        || ipSender.category() == SenderCategory.SECURITY_GATEWAY || declared(domain, ipSender))) {
      return ClassificationRule.DOMAIN_MAIL_ON_KNOWN_PLATFORM;
    }
    KnownSender origin = ipSender != null ? ipSender : authSender;
    if (f.alignedDkimFailed() && !originates(origin) && !(f.domainEnvelope() && ipSender != null)) {
      return ClassificationRule.SIGNATURE_BROKEN_IN_TRANSIT;
    }
    if (ipSender != null && forwards(ipSender) && f.thirdPartyPass()) {
      return ClassificationRule.RELAYED_BY_FORWARDER;
    }
    if (f.alignedDkimPresent()) {
      return ClassificationRule.DOMAIN_SIGNATURE_FAILING;
    }
    if (declared(domain, ipSender) || declared(domain, authSender)) {
      return ClassificationRule.DECLARED_SENDER;
    }
    if (originates(origin)) {
      return ClassificationRule.KNOWN_SENDING_SERVICE;
    }
    return ClassificationRule.NO_EVIDENCE;
  }

  private static boolean originates(@Nullable KnownSender s) {
    return s != null && !s.category().relaysOthersMail();
  }

  private static boolean forwards(KnownSender s) {
    return s.category() == SenderCategory.MAILBOX_PROVIDER
        || s.category() == SenderCategory.FORWARDING;
  }

  private static boolean declared(DomainProfile domain, @Nullable KnownSender s) {
    return s != null && domain.senderIds().contains(s.id());
  }
}
