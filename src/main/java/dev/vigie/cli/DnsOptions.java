package dev.vigie.cli;

import dev.vigie.dns.resolver.DnsSettings;
import dev.vigie.dns.resolver.DnsjavaClient;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** DNS options shared by the commands that ask DNS. */
final class DnsOptions {
  @Option(names = "--resolver", paramLabel = "HOST:PORT",
      description = "DNS server to ask (default: the system's, from /etc/resolv.conf).")
  String resolver;

  @Option(names = "--timeout-ms", paramLabel = "N", defaultValue = "3000",
      description = "Per-query timeout; a lookup that runs out is a temporary error (default ${DEFAULT-VALUE}).")
  long timeoutMs;

  @Option(names = "--trust-anchor", paramLabel = "FILE",
      description = "DNSSEC trust anchors (DS or DNSKEY records) to validate answers with; without"
          + " it the resolver's AD flag is reported.")
  Path trustAnchor;

  DnsjavaClient client() {
    if (timeoutMs < 1) {
      throw new IllegalArgumentException("--timeout-ms must be at least 1");
    }
    DnsSettings s = DnsSettings.system().withTimeout(Duration.ofMillis(timeoutMs))
        .withTrustAnchorFile(trustAnchor);
    if (resolver != null) {
      s = s.withUpstream(DnsSettings.parseAddress(resolver));
    }
    return new DnsjavaClient(s);
  }
}
