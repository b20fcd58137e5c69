package dev.vigie.enrich;

import dev.vigie.dns.DnsClient;
import dev.vigie.dns.psl.OrganizationalDomains;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Enriches source IPs: PTR name (through {@link DnsClient}), its organisational domain, country
 * and ASN from an {@link IpDatabase}, and the known sender operating the IP. This is the step
 * parsedmarc runs inside its parser; here it runs after parsing, so parsing stays pure and
 * re-processing a report does not ask DNS again for addresses already seen.
 *
 * <p>Results are cached per address (bounded, least recently used). DNS work runs on a fixed pool
 * of {@link EnrichOptions#threads()} threads with a time limit per address; a lookup that runs out
 * of time, or meets a temporary DNS failure, yields the offline part of the answer (country, ASN)
 * and is not cached, so a later call asks again. Concurrent requests for one address share one
 * lookup.
 */
public final class SourceEnricher implements AutoCloseable {
  private final EnrichOptions options;
  private final @Nullable DnsClient dns;
  private final IpDatabase ipDatabase;
  private final SenderCatalogue catalogue;
  private final OrganizationalDomains orgDomains;
  private final BoundedCache<InetAddress, CompletableFuture<SourceInfo>> cache;
  private final @Nullable ExecutorService pool;

  /**
   * @param dns required when {@code options.reverseDns()}; ignored otherwise
   */
  public SourceEnricher(EnrichOptions options, @Nullable DnsClient dns, IpDatabase ipDatabase,
      SenderCatalogue catalogue, OrganizationalDomains orgDomains) {
    if (options.reverseDns() && dns == null) {
      throw new IllegalArgumentException("reverse DNS is on but no DnsClient was given");
    }
    this.options = options;
    this.dns = options.reverseDns() ? dns : null;
    this.ipDatabase = ipDatabase;
    this.catalogue = catalogue;
    this.orgDomains = orgDomains;
    this.cache = new BoundedCache<>(options.cacheSize());
    this.pool = this.dns == null ? null : Executors.newFixedThreadPool(options.threads(), daemons());
  }

  private static ThreadFactory daemons() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "vigie-enrich-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * True when nothing can be learnt about an address (no DNS, no IP database): every answer is
   * {@link SourceInfo#bare}, and callers may skip asking.
   */
  public boolean learnsNothing() {
    return dns == null && ipDatabase.isEmpty();
  }

  /** Blocks at most about {@link EnrichOptions#timeout()}. */
  public SourceInfo enrich(String ip) {
    return enrichAsync(ip).join();
  }

  /**
   * Never completes exceptionally: DNS problems leave the PTR fields empty (and uncached).
   *
   * @throws java.io.UncheckedIOException when the IP database turns out damaged; it names the file
   */
  public CompletableFuture<SourceInfo> enrichAsync(String ip) {
    InetAddress address = IpLiterals.parse(ip);
    if (address == null) {
      return CompletableFuture.completedFuture(SourceInfo.bare(ip.strip()));
    }
    if (options.cacheSize() == 0) {
      return start(ip.strip(), address);
    }
    CompletableFuture<SourceInfo> f = cache.computeIfAbsent(address, a -> start(ip.strip(), a));
    // Another spelling of the same address may have filled the cache: answer with this spelling.
    return f.thenApply(info -> info.ip().equals(ip.strip()) ? info : withIp(info, ip.strip()));
  }

  /** Every address, looked up in parallel; keys in the order given, duplicates once. */
  public Map<String, SourceInfo> enrichAll(Collection<String> ips) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ips));
    List<CompletableFuture<SourceInfo>> futures = new ArrayList<>(distinct.size());
    for (String ip : distinct) {
      futures.add(enrichAsync(ip));
    }
    Map<String, SourceInfo> out = new LinkedHashMap<>();
    for (int i = 0; i < distinct.size(); i++) {
      out.put(distinct.get(i), futures.get(i).join());
    }
    return out;
  }

  private CompletableFuture<SourceInfo> start(String ip, InetAddress address) {
    NetworkInfo net = ipDatabase.lookup(address);
    SourceInfo offline = build(ip, ReverseLookup.Ptr.NONE, net);
    if (pool == null || dns == null) {
      return CompletableFuture.completedFuture(offline);
    }
    CompletableFuture<SourceInfo> result = new CompletableFuture<>();
    DnsClient client = dns;
    Future<?> task = pool.submit(() -> {
      SourceInfo info = offline;
      try {
        ReverseLookup.Ptr ptr = ReverseLookup.lookup(client, address, options.confirmReverseDns());
        info = ptr.temporary() ? offline : build(ip, ptr, net);
      } catch (RuntimeException e) {
        // DnsClient never throws; a bug elsewhere must not lose the offline part
      }
      if (info == offline) {
        cache.remove(address, result); // before completing, so no caller sees it still cached
      }
      result.complete(info);
    });
    CompletableFuture.delayedExecutor(options.timeout().toNanos(), TimeUnit.NANOSECONDS).execute(() -> {
      if (!result.isDone()) {
        cache.remove(address, result);
        result.complete(offline);
        task.cancel(true);
      }
    });
    return result;
  }

  private SourceInfo build(String ip, ReverseLookup.Ptr ptr, NetworkInfo net) {
    String name = ptr.name();
    String base = name == null ? null : orgDomains.organizationalDomain(name).orElse(null);
    boolean trusted = name != null && (ptr.confirmed() || !options.confirmReverseDns());
    KnownSender sender = catalogue.identify(SenderSignals.ofSource(trusted ? name : null, net.asn()))
        .filter(SenderMatch::strong).map(SenderMatch::sender).orElse(null);
    return new SourceInfo(ip, name, ptr.confirmed(), base, net.country(), net.asn(), net.asOrg(),
        sender);
  }

  private static SourceInfo withIp(SourceInfo i, String ip) {
    return new SourceInfo(ip, i.reverseDns(), i.reverseDnsConfirmed(), i.baseDomain(), i.country(),
        i.asn(), i.asOrg(), i.sender());
  }

  /** Number of addresses whose result is cached or in progress. */
  public int cachedCount() {
    return cache.size();
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
