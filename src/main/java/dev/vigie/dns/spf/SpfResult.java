package dev.vigie.dns.spf;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of one check_host() evaluation.
 *
 * @param verdict the RFC 7208 §2.6 result
 * @param explanation for "fail" only: the exp= text or the default explanation (§6.2)
 * @param reason why, for the technician: the mechanism that matched or the error found
 * @param dnsLookups DNS-querying terms evaluated, counted against the limit of 10 (§4.6.4)
 * @param voidLookups lookups that found nothing, counted against the limit of 2 (§4.6.4)
 */
public record SpfResult(
    SpfVerdict verdict,
    @Nullable String explanation,
    String reason,
    int dnsLookups,
    int voidLookups) {}
