package dev.vigie.check.history;

import dev.vigie.check.Severity;

/**
 * A change between two checks of a domain, recorded for alerting.
 *
 * @param code stable, e.g. {@code dmarc.policy-weakened}; the web app's text is
 *     {@code change.<code>} in the reader's language
 * @param subject what changed when the code alone does not say: the DKIM selector, the code of a
 *     new error; "" otherwise
 * @param before the old value, "" when there was none
 * @param after the new value, "" when there is none
 */
public record ChangeEvent(String domain, String code, String subject, Severity severity,
    String summary, String before, String after) {}
