/**
 * SPF (RFC 7208): record parsing, macro expansion, the {@code check_host()} evaluator and the
 * posture analyser. Pure: every DNS question goes through {@link dev.vigie.dns.DnsClient}.
 */
@NullMarked
package dev.vigie.dns.spf;

import org.jspecify.annotations.NullMarked;
