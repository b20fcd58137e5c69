package dev.vigie.dns.resolver;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.xbill.DNS.ResolverConfig;

/**
 * How Vigie talks to DNS.
 *
 * @param upstream the resolver asked (a recursive resolver; an authoritative server in tests)
 * @param timeout per query; a lookup that runs out is a temporary error, never "invalid"
 * @param maxConcurrency queries in flight at once
 * @param cacheEntries answers kept
 * @param trustAnchorFile DNSSEC trust anchors (DS/DNSKEY in zone-file format), or null to report
 *     the upstream's AD bit
 */
public record DnsSettings(
    InetSocketAddress upstream,
    Duration timeout,
    int maxConcurrency,
    int cacheEntries,
    @Nullable Path trustAnchorFile) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

  public DnsSettings {
    if (timeout.isNegative() || timeout.isZero() || maxConcurrency < 1 || cacheEntries < 0) {
      throw new IllegalArgumentException("DNS timeout and concurrency must be positive");
    }
  }

  /** The system's first resolver (/etc/resolv.conf), or 127.0.0.1:53. */
  public static DnsSettings system() {
    List<InetSocketAddress> servers = ResolverConfig.getCurrentConfig().servers();
    InetSocketAddress up = servers.isEmpty() ? new InetSocketAddress("127.0.0.1", 53) : servers.get(0);
    return new DnsSettings(up, DEFAULT_TIMEOUT, 64, 100_000, null);
  }

  public DnsSettings withUpstream(InetSocketAddress a) {
    return new DnsSettings(a, timeout, maxConcurrency, cacheEntries, trustAnchorFile);
  }

  public DnsSettings withTimeout(Duration t) {
    return new DnsSettings(upstream, t, maxConcurrency, cacheEntries, trustAnchorFile);
  }

  public DnsSettings withTrustAnchorFile(@Nullable Path p) {
    return new DnsSettings(upstream, timeout, maxConcurrency, cacheEntries, p);
  }

  /**
   * Parses {@code HOST[:PORT]}, {@code [IPV6]:PORT} or a bare IPv6 address; the host must be an
   * IP address (no name to resolve before the resolver exists).
   */
  public static InetSocketAddress parseAddress(String text) {
    String host = text.strip();
    int port = 53;
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException(text + ": missing ']' in the resolver address");
      }
      if (close + 1 < host.length()) {
        port = port(text, host.substring(close + 2));
      }
      host = host.substring(1, close);
    } else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') > 0) {
      port = port(text, host.substring(host.indexOf(':') + 1));
      host = host.substring(0, host.indexOf(':'));
    }
    if (!host.matches("[0-9.]+|[0-9a-fA-F:.]+")) {
      throw new IllegalArgumentException(text + ": the resolver must be an IP address, optionally with :PORT");
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(text + ": not an IP address", e);
    }
  }

  private static int port(String text, String p) {
    try {
      int n = Integer.parseInt(p);
      if (n < 1 || n > 65535) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(text + ": the port must be a number from 1 to 65535");
    }
  }
}
