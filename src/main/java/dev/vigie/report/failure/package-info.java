/**
 * DMARC failure (forensic) reports: RFC 6591 authentication-failure reports in the RFC 5965
 * Abuse Reporting Format, and the non-ARF plain-text forms some reporters send instead.
 */
@org.jspecify.annotations.NullMarked
package dev.vigie.report.failure;
