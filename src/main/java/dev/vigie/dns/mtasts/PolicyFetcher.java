package dev.vigie.dns.mtasts;

import java.net.URI;

/**
 * Fetches an MTA-STS policy file. The check calls this instead of the network so that it stays
 * pure; {@link HttpsPolicyFetcher} is the production implementation, tests pass a lambda.
 * Implementations never throw: every outcome is a {@link FetchResult}.
 */
@FunctionalInterface
public interface PolicyFetcher {
  FetchResult fetch(URI uri);
}
