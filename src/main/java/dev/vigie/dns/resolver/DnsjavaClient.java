package dev.vigie.dns.resolver;

import dev.vigie.dns.DnsAnswer;
import dev.vigie.dns.DnsClient;
import dev.vigie.dns.DnsStatus;
import dev.vigie.dns.RecordType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.dnssec.ValidatingResolver;

/**
 * {@link DnsClient} over dnsjava: one upstream (a recursive resolver, or an authoritative server
 * in tests), UDP with TCP fallback on truncation, a per-query deadline, bounded concurrency, a
 * shared TTL cache, and DNSSEC status.
 *
 * <p>CNAMEs are followed here, at most {@value #MAX_QUERIES} queries per lookup: dnsjava 3.6's
 * LookupSession could loop without end on an error rcode holding a CNAME (see
 * shared/conformance/spf/README.md), so this client never delegates chasing to it.
 *
 * <p>DNSSEC: with a trust anchor file, answers go through dnsjava's {@link ValidatingResolver};
 * without one, the upstream's AD bit is reported, which is meaningful only for a validating
 * resolver on a trusted path (loopback).
 */
public final class DnsjavaClient implements DnsClient {
  static final int MAX_QUERIES = 8;

  private final Resolver resolver;
  private final Duration timeout;
  private final Semaphore inFlight;
  private final DnsCache cache;

  public DnsjavaClient(DnsSettings settings) {
    SimpleResolver simple = new SimpleResolver(settings.upstream());
    simple.setTimeout(settings.timeout());
    // EDNS0 with DO so that signatures come back and AD is set by validating upstreams.
    simple.setEDNS(0, 1232, ExtendedFlags.DO, List.of());
    Resolver r = simple;
    if (settings.trustAnchorFile() != null) {
      ValidatingResolver v = new ValidatingResolver(simple);
      try (InputStream in = Files.newInputStream(settings.trustAnchorFile())) {
        v.loadTrustAnchors(in);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            settings.trustAnchorFile() + ": cannot read the DNSSEC trust anchor: " + e.getMessage(), e);
      }
      r = v;
    }
    this.resolver = r;
    this.timeout = settings.timeout();
    this.inFlight = new Semaphore(settings.maxConcurrency());
    this.cache = new DnsCache(settings.cacheEntries());
  }

  @Override
  public DnsAnswer lookup(String name, RecordType type) {
    String qname = normalize(name);
    DnsAnswer cached = cache.get(qname, type);
    if (cached != null) {
      return cached;
    }
    DnsAnswer answer = resolve(qname, type);
    cache.put(answer, answer.status().isTemporary() ? 0 : ttlOf(answer));
    return answer;
  }

  private DnsAnswer resolve(String qname, RecordType type) {
    Name current;
    try {
      current = Name.fromString(qname, Name.root);
    } catch (TextParseException e) {
      // Not a valid domain name: nothing can exist there.
      return DnsAnswer.of(qname, type, DnsStatus.NXDOMAIN, List.of());
    }
    int qtype = Type.value(type.name());
    boolean authenticated = true;
    for (int hop = 0; hop < MAX_QUERIES; hop++) {
      Message response;
      try {
        response = send(Message.newQuery(Record.newRecord(current, qtype, DClass.IN)));
      } catch (TimeoutException e) {
        return DnsAnswer.of(qname, type, DnsStatus.TIMEOUT, List.of());
      } catch (IOException e) {
        return DnsAnswer.of(qname, type, DnsStatus.SERVFAIL, List.of());
      }
      authenticated &= response.getHeader().getFlag(Flags.AD);
      int rcode = response.getRcode();
      List<String> records = new ArrayList<>();
      List<List<String>> txt = new ArrayList<>();
      Name cnameTarget = null;
      Name owner = current;
      // Walk the answer section's CNAME chain from the name asked, as RFC 1034 §4.3.2 builds it.
      for (int guard = 0; guard < MAX_QUERIES; guard++) {
        Name next = null;
        for (Record rec : response.getSection(Section.ANSWER)) {
          if (!rec.getName().equals(owner)) {
            continue;
          }
          if (rec.getType() == qtype) {
            records.add(RecordText.of(rec));
            if (rec instanceof org.xbill.DNS.TXTRecord t) {
              txt.add(RecordText.strings(t));
            }
          } else if (rec.getType() == Type.CNAME && qtype != Type.CNAME) {
            next = ((org.xbill.DNS.CNAMERecord) rec).getTarget();
          }
        }
        if (!records.isEmpty() || next == null) {
          break;
        }
        owner = next;
        cnameTarget = next;
      }
      if (!records.isEmpty()) {
        return new DnsAnswer(qname, type, DnsStatus.NOERROR, List.copyOf(records), List.copyOf(txt),
            authenticated);
      }
      if (cnameTarget != null && (rcode == Rcode.NOERROR || rcode == Rcode.NXDOMAIN)
          && !inAnswer(response, cnameTarget)) {
        current = cnameTarget; // the chain leaves this server's data: ask for the target
        continue;
      }
      DnsStatus status = switch (rcode) {
        case Rcode.NOERROR -> DnsStatus.NOERROR;
        case Rcode.NXDOMAIN -> DnsStatus.NXDOMAIN;
        case Rcode.REFUSED -> DnsStatus.REFUSED;
        default -> DnsStatus.SERVFAIL;
      };
      return new DnsAnswer(qname, type, status, List.of(), List.of(), authenticated);
    }
    // A CNAME chain longer than any sane zone has: treat as a server failure, stop asking.
    return DnsAnswer.of(qname, type, DnsStatus.SERVFAIL, List.of());
  }

  private static boolean inAnswer(Message m, Name owner) {
    for (Record rec : m.getSection(Section.ANSWER)) {
      if (rec.getName().equals(owner)) {
        return true;
      }
    }
    return false;
  }

  private Message send(Message query) throws IOException, TimeoutException {
    try {
      if (!inFlight.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new TimeoutException("too many queries in flight");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TimeoutException("interrupted");
    }
    try {
      CompletableFuture<Message> f = resolver.sendAsync(query).toCompletableFuture();
      // A server that drips bytes slowly must not hold a check past its budget.
      return f.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof java.net.SocketTimeoutException
          || e.getCause() instanceof TimeoutException) {
        throw new TimeoutException(e.getCause().getMessage());
      }
      throw new IOException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TimeoutException("interrupted");
    } finally {
      inFlight.release();
    }
  }

  private static long ttlOf(DnsAnswer a) {
    // Presentation records carry no TTL; a short fixed lifetime keeps one check run consistent.
    return a.records().isEmpty() ? 60 : 300;
  }

  static String normalize(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }
}
