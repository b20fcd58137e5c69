package dev.vigie.report.aggregate;

import org.jspecify.annotations.Nullable;

/**
 * {@code <policy_published>}: the DMARC record the reporter found. {@code adkim}/{@code aspf}
 * default to "r" and {@code sp} to {@code p} (RFC 7489 §6.3), as in parsedmarc's output.
 *
 * @param np RFC 9990 non-existent subdomain policy
 * @param testing RFC 9990 "t" tag (y/n)
 * @param discoveryMethod RFC 9990: psl or treewalk
 */
public record PolicyPublished(
    String domain,
    String adkim,
    String aspf,
    @Nullable String p,
    @Nullable String sp,
    @Nullable String pct,
    @Nullable String fo,
    @Nullable String np,
    @Nullable String testing,
    @Nullable String discoveryMethod) {}
