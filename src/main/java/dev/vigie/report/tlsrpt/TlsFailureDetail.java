package dev.vigie.report.tlsrpt;

import org.jspecify.annotations.Nullable;

/**
 * One failure-details entry (RFC 8460 §4.3): sessions that failed for one reason between one
 * sending MTA and one receiving MX.
 *
 * @param resultType e.g. certificate-expired, starttls-not-supported (RFC 8460 §4.3.2)
 * @param additionalInfoUri additional-info-uri, or the RFC §4.4 example's additional-information
 */
public record TlsFailureDetail(
    String resultType,
    long failedSessionCount,
    @Nullable String sendingMtaIp,
    @Nullable String receivingIp,
    @Nullable String receivingMxHostname,
    @Nullable String receivingMxHelo,
    @Nullable String additionalInfoUri,
    @Nullable String failureReasonCode) {}
