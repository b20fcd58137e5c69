package dev.vigie.dns.bimi;

import dev.vigie.dns.mtasts.FetchResult;
import dev.vigie.dns.mtasts.HttpsPolicyFetcher;
import java.net.URI;

/**
 * Fetches a BIMI logo, so the check itself does no I/O; tests pass a lambda. Implementations never
 * throw. The transport is the MTA-STS one (HTTPS only, certificates checked, redirects not
 * followed, 64 KB cap, which is above the 32 KB BIMI limit so oversize logos are still measured).
 */
@FunctionalInterface
public interface LogoFetcher {
  FetchResult fetch(URI uri);

  /** The production fetcher. */
  static LogoFetcher https() {
    return new HttpsPolicyFetcher()::fetch;
  }
}
