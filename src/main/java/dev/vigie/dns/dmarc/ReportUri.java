package dev.vigie.dns.dmarc;

import org.jspecify.annotations.Nullable;

/**
 * A report destination from rua or ruf (RFC 9989, DMARC URIs).
 *
 * @param uri the URI as written, without any size suffix
 * @param scheme "mailto" or "https", lower-case
 * @param domain the mailbox's domain (mailto) or the host (https), lower-case
 * @param maxSizeBytes the RFC 7489 §6.2 "!size" limit in bytes; null when absent or when read as
 *     RFC 9989, which dropped it
 */
public record ReportUri(String uri, String scheme, String domain, @Nullable Long maxSizeBytes) {}
