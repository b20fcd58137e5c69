package dev.vigie.enrich;

/** Where a source stands for a domain; see {@link SourceClassifier} for the rules. */
public enum SourceClass {
  /** DMARC passes: an authenticated identifier aligned with the From domain. */
  AUTHORISED_PASSING,
  /** Mail the domain sends through this source, that fails DMARC: needs a DNS or service fix. */
  AUTHORISED_FAILING,
  /** Legitimate mail re-sent by a forwarder or mailing list; fixing DNS will not help. */
  FORWARDED,
  /** No sign that the domain uses this source: a forgotten service, or someone using its name. */
  UNKNOWN_OR_IMPOSTOR
}
