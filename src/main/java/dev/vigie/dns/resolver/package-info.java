/** The production {@link dev.vigie.dns.DnsClient}: dnsjava, cache, time limits, DNSSEC. */
@NullMarked
package dev.vigie.dns.resolver;

import org.jspecify.annotations.NullMarked;
