package dev.vigie.check;

import org.jspecify.annotations.Nullable;

/**
 * One result of a posture check, written for both of its readers.
 *
 * @param code stable identifier, e.g. {@code spf.too-many-lookups}; alerts, history and message
 *     bundles key on it, so it never changes once released
 * @param summary one plain-language sentence for the business owner
 * @param detail the technical detail for the technician (records, counts, RFC section)
 * @param fix what to do, with the exact record to publish where one must change; null when there
 *     is nothing to do
 */
public record Finding(
    String code, Severity severity, String summary, String detail, @Nullable String fix) {}
