package dev.vigie.check.history;

import dev.vigie.check.Severity;

/**
 * A change between two checks of a domain, recorded for alerting.
 *
 * @param code stable, e.g. {@code dmarc.policy-weakened}
 * @param before the old value, "" when there was none
 * @param after the new value, "" when there is none
 */
public record ChangeEvent(String domain, String code, Severity severity, String summary,
    String before, String after) {}
