package dev.vigie.enrich;

/**
 * Which rule of {@link SourceClassifier} decided; a stable code that reports and translations
 * (English, French) can explain in their own words.
 */
public enum ClassificationRule {
  /** DMARC passed (policy_evaluated: aligned DKIM or SPF pass). */
  DMARC_PASS(SourceClass.AUTHORISED_PASSING),
  /** The receiver itself reported a forwarded, mailing_list or trusted_forwarder override. */
  RECEIVER_SAW_FORWARDING(SourceClass.FORWARDED),
  /** MAIL FROM in the domain, sent from a platform that vouches for it or that the domain uses. */
  DOMAIN_MAIL_ON_KNOWN_PLATFORM(SourceClass.AUTHORISED_FAILING),
  /** The domain's own DKIM signature is there but broke on the way, through a relay. */
  SIGNATURE_BROKEN_IN_TRANSIT(SourceClass.FORWARDED),
  /** A mailbox provider or forwarder re-sent it, vouching with its own DKIM or SPF. */
  RELAYED_BY_FORWARDER(SourceClass.FORWARDED),
  /** The domain signs mail from this source, but the signature does not verify. */
  DOMAIN_SIGNATURE_FAILING(SourceClass.AUTHORISED_FAILING),
  /** The domain lists this service among its senders (SPF include, MX, or a technician). */
  DECLARED_SENDER(SourceClass.AUTHORISED_FAILING),
  /** A known sending service (newsletter, CRM, billing…) sent it in the domain's name. */
  KNOWN_SENDING_SERVICE(SourceClass.AUTHORISED_FAILING),
  /** Nothing ties this source to the domain. */
  NO_EVIDENCE(SourceClass.UNKNOWN_OR_IMPOSTOR);

  private final SourceClass sourceClass;

  ClassificationRule(SourceClass sourceClass) {
    this.sourceClass = sourceClass;
  }

  public SourceClass sourceClass() {
    return sourceClass;
  }
}
