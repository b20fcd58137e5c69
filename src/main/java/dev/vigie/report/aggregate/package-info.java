/** DMARC aggregate reports (RFC 7489 Appendix C, RFC 9990): model and a forgiving, DTD-free XML parser. */
@NullMarked
package dev.vigie.report.aggregate;

import org.jspecify.annotations.NullMarked;
