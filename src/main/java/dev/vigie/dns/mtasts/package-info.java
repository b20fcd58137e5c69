/**
 * MTA-STS (RFC 8461): the {@code _mta-sts} TXT record, the policy file served at {@code
 * https://mta-sts.<domain>/.well-known/mta-sts.txt}, and whether the domain's MX hosts are covered
 * by it. The check is pure: DNS comes through {@link dev.vigie.dns.DnsClient} and the policy
 * through {@link dev.vigie.dns.mtasts.PolicyFetcher}; {@link
 * dev.vigie.dns.mtasts.HttpsPolicyFetcher} is the production fetcher.
 */
@NullMarked
package dev.vigie.dns.mtasts;

import org.jspecify.annotations.NullMarked;
