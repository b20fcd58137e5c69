package dev.vigie.enrich;

import dev.vigie.dns.DnsAnswer;
import dev.vigie.dns.DnsClient;
import dev.vigie.dns.DnsStatus;
import dev.vigie.dns.RecordType;
import dev.vigie.dns.mx.ReverseName;
import java.net.InetAddress;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The PTR name of an address and whether it is forward-confirmed (FCrDNS): the name's A or AAAA
 * records include the address. Whoever holds an IP block chooses its PTR names, so an impostor can
 * name its server {@code x.outbound.protection.outlook.com}; only Microsoft can make that name
 * resolve back to the server.
 */
final class ReverseLookup {
  /** Names tried for confirmation; a PTR set larger than this is unusual and not worth more queries. */
  private static final int MAX_NAMES = 3;

  /** {@code temporary}: DNS could not answer now (timeout, SERVFAIL); worth asking again later. */
  record Ptr(@Nullable String name, boolean confirmed, boolean temporary) {
    static final Ptr NONE = new Ptr(null, false, false);
    static final Ptr TEMPORARY = new Ptr(null, false, true);
  }

  private ReverseLookup() {}

  static Ptr lookup(DnsClient dns, InetAddress address, boolean confirm) {
    DnsAnswer answer = dns.lookup(ReverseName.of(address.getHostAddress()), RecordType.PTR);
    if (answer.status().isTemporary()) {
      return Ptr.TEMPORARY;
    }
    List<String> names = answer.status() == DnsStatus.NOERROR ? answer.records() : List.of();
    if (names.isEmpty()) {
      return Ptr.NONE;
    }
    if (!confirm) {
      return new Ptr(names.get(0), false, false);
    }
    RecordType type = address.getAddress().length == 4 ? RecordType.A : RecordType.AAAA;
    for (String name : names.subList(0, Math.min(MAX_NAMES, names.size()))) {
      if (Thread.currentThread().isInterrupted()) {
        break;
      }
      for (String a : dns.lookup(name, type).records()) {
        if (address.equals(IpLiterals.parse(a))) {
          return new Ptr(name, true, false);
        }
      }
    }
    return new Ptr(names.get(0), false, false);
  }
}
