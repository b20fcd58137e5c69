/**
 * BIMI (draft-brand-indicators-for-message-identification): the {@code <selector>._bimi} TXT
 * assertion record, its DMARC prerequisites, and the SVG Tiny PS logo it points at. DNS comes only
 * through {@link dev.vigie.dns.DnsClient} and the logo through {@link
 * dev.vigie.dns.bimi.LogoFetcher}; parsing and the SVG checks are pure. Mark certificates (VMC,
 * CMC) are not validated: see {@link dev.vigie.dns.bimi.BimiChecker}.
 */
@NullMarked
package dev.vigie.dns.bimi;

import org.jspecify.annotations.NullMarked;
