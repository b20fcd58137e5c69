package dev.vigie.dns.spf;

import dev.vigie.dns.DnsAnswer;
import dev.vigie.dns.DnsClient;
import dev.vigie.dns.RecordType;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One check_host() run (RFC 7208 §4) and the state it shares across include and redirect: the
 * lookup and void-lookup counters and the validated PTR names. Not thread-safe; one per check.
 */
final class Evaluation {
  /** The record that decided a result, kept so that its exp= can be evaluated (§6.2). */
  record Decision(SpfVerdict verdict, @Nullable SpfRecord record, String domain, String reason) {}

  /** Ends the whole evaluation with temperror or permerror, however deep it is. */
  static final class Abort extends Exception {
    final SpfVerdict verdict;

    Abort(SpfVerdict verdict, String reason) {
      super(reason, null, false, false);
      this.verdict = verdict;
    }
  }

  private static final int MAX_MX = 10;
  private static final int MAX_PTR = 10;

  private final DnsClient dns;
  private final SpfOptions options;
  final IpAddress ip;
  final Identity identity;
  private int lookups;
  private int voids;
  private @Nullable List<String> validatedNames;

  Evaluation(DnsClient dns, SpfOptions options, IpAddress ip, Identity identity) {
    this.dns = dns;
    this.options = options;
    this.ip = ip.unmapped(); // §5: an IPv4-mapped IPv6 client is an IPv4 client
    this.identity = identity;
  }

  int lookups() {
    return lookups;
  }

  int voids() {
    return voids;
  }

  Decision checkHost(String domain) throws Abort {
    SpfRecord record = switch (SpfLookup.fetch(dns, domain)) {
      case SpfLookup.Temporary t -> throw new Abort(SpfVerdict.TEMPERROR,
          "TXT lookup for " + domain + " failed: " + t.status());
      case SpfLookup.NotFound n -> {
        yield null;
      }
      case SpfLookup.Multiple m -> throw new Abort(SpfVerdict.PERMERROR,
          domain + " publishes " + m.records().size() + " SPF records (§4.5)");
      case SpfLookup.Found f -> parse(domain, f.text());
    };
    if (record == null) {
      return new Decision(SpfVerdict.NONE, null, domain, "no SPF record at " + domain);
    }
    for (Mechanism m : record.mechanisms()) {
      if (matches(m, domain)) {
        return new Decision(m.qualifier().verdict(), record, domain,
            "\"" + m.text() + "\" matched in the record of " + domain);
      }
    }
    if (record.redirect() != null) {
      countLookup("redirect=" + record.redirect().text());
      String target = expandName(record.redirect(), domain);
      Decision d = target == null ? null : checkHost(target);
      if (d == null || d.verdict() == SpfVerdict.NONE) {
        throw new Abort(SpfVerdict.PERMERROR, "redirect=" + record.redirect().text()
            + " from " + domain + " leads to no SPF record (§6.1)");
      }
      return d;
    }
    return new Decision(SpfVerdict.NEUTRAL, record, domain,
        "nothing matched in the record of " + domain + " (§4.7)");
  }

  private static SpfRecord parse(String domain, String text) throws Abort {
    try {
      return SpfParser.parse(text);
    } catch (SpfSyntaxException e) {
      throw new Abort(SpfVerdict.PERMERROR, "syntax error in the record of " + domain + ": "
          + e.getMessage());
    }
  }

  private boolean matches(Mechanism m, String domain) throws Abort {
    if (m.kind().countsAsLookup()) {
      countLookup(m.text());
    }
    return switch (m.kind()) {
      case ALL -> true;
      case IP4, IP6 -> m.network() != null && ip.inNetwork(m.network(),
          m.network().isIpv4() ? m.cidr4() : m.cidr6());
      case A -> {
        String target = target(m, domain);
        yield target != null && anyInNetwork(addresses(target, true), m);
      }
      case MX -> {
        String target = target(m, domain);
        yield target != null && matchesMx(target, m);
      }
      case PTR -> {
        String target = target(m, domain);
        yield target != null && !validatedNames(target).isEmpty();
      }
      case EXISTS -> {
        String target = target(m, domain);
        // §5.7: always an A query, whatever the client's address family
        yield target != null && !answer(target, RecordType.A, true).records().isEmpty();
      }
      case INCLUDE -> {
        String target = target(m, domain);
        Decision d = target == null ? null : checkHost(target);
        if (d == null || d.verdict() == SpfVerdict.NONE) {
          throw new Abort(SpfVerdict.PERMERROR, "\"" + m.text() + "\" in the record of " + domain
              + " points to a domain with no SPF record (§5.2)");
        }
        yield d.verdict() == SpfVerdict.PASS; // fail, softfail, neutral: no match (§5.2)
      }
    };
  }

  private boolean matchesMx(String target, Mechanism m) throws Abort {
    DnsAnswer mx = answer(target, RecordType.MX, true);
    if (mx.records().size() > MAX_MX) {
      throw new Abort(SpfVerdict.PERMERROR, target + " has " + mx.records().size()
          + " MX records; \"mx\" allows at most " + MAX_MX + " (§4.6.4)");
    }
    for (String record : mx.records()) {
      int space = record.indexOf(' ');
      String host = DomainNames.stripDot(space < 0 ? record : record.substring(space + 1).strip());
      // A null MX (RFC 7505, target ".") names no host; MX host lookups are not void lookups.
      if (!host.isEmpty() && anyInNetwork(addresses(host, false), m)) {
        return true;
      }
    }
    return false;
  }

  private boolean anyInNetwork(List<IpAddress> addresses, Mechanism m) {
    int prefix = ip.isIpv4() ? m.cidr4() : m.cidr6();
    return addresses.stream().anyMatch(a -> ip.inNetwork(a, prefix));
  }

  /** The client family's addresses of {@code name} (§5.3): A for IPv4, AAAA for IPv6. */
  private List<IpAddress> addresses(String name, boolean countVoid) throws Abort {
    DnsAnswer a = answer(name, ip.isIpv4() ? RecordType.A : RecordType.AAAA, countVoid);
    return parseAddresses(a);
  }

  private static List<IpAddress> parseAddresses(DnsAnswer answer) {
    List<IpAddress> out = new ArrayList<>();
    for (String r : answer.records()) {
      IpAddress a = IpAddress.parse(r);
      if (a != null) {
        out.add(a);
      }
    }
    return out;
  }

  /** §5: a DNS error other than NXDOMAIN ends the check with temperror. */
  private DnsAnswer answer(String name, RecordType type, boolean countVoid) throws Abort {
    DnsAnswer answer = dns.lookup(name, type);
    if (answer.status().isTemporary()) {
      throw new Abort(SpfVerdict.TEMPERROR, type + " lookup for " + name + " failed: "
          + answer.status());
    }
    if (countVoid && answer.records().isEmpty() && ++voids > options.voidLookupLimit()) {
      throw new Abort(SpfVerdict.PERMERROR, "more than " + options.voidLookupLimit()
          + " DNS lookups found nothing (void lookup limit, §4.6.4); the last was " + type + " "
          + name);
    }
    return answer;
  }

  private void countLookup(String term) throws Abort {
    if (++lookups > options.lookupLimit()) {
      throw new Abort(SpfVerdict.PERMERROR, "more than " + options.lookupLimit()
          + " DNS-querying terms (§4.6.4); the limit was crossed at \"" + term + "\"");
    }
  }

  /** The mechanism's target-name; null when no query can be composed (no match, §4.8). */
  private @Nullable String target(Mechanism m, String domain) {
    return m.domain() == null ? domain : expandName(m.domain(), domain);
  }

  @Nullable String expandName(MacroString spec, String domain) {
    return DomainNames.forQuery(MacroExpander.expand(spec, values(domain)));
  }

  MacroExpander.Values values(String domain) {
    return letter -> switch (letter) {
      case 's' -> identity.sender();
      case 'l' -> identity.localPart();
      case 'o' -> identity.senderDomain();
      case 'd' -> domain;
      case 'i' -> ip.dotted();
      case 'p' -> validatedName(domain);
      case 'v' -> ip.isIpv4() ? "in-addr" : "ip6";
      case 'h' -> identity.helo();
      case 'c' -> ip.text();
      case 'r' -> options.receiver();
      case 't' -> Long.toString(options.clock().instant().getEpochSecond());
      default -> throw new IllegalStateException("macro letter " + letter);
    };
  }

  /** %{p} (§7.3): the target itself, else a name under it, else any validated name. */
  private String validatedName(String domain) {
    List<String> names = validatedNames(null);
    for (String n : names) {
      if (DomainNames.normalize(n).equals(DomainNames.normalize(domain))) {
        return n;
      }
    }
    return names.stream().filter(n -> DomainNames.isAtOrUnder(n, domain)).findFirst()
        .orElse(names.isEmpty() ? "unknown" : names.getFirst());
  }

  /**
   * §5.5: the first 10 PTR names whose own A/AAAA records include the client's address, kept if
   * they are at or under {@code target} (all when null). A failed PTR lookup matches nothing, a
   * failed forward lookup skips that name, and neither is a void lookup: the reverse zone belongs
   * to the connecting client, not to the domain whose policy is evaluated.
   */
  private List<String> validatedNames(@Nullable String target) {
    if (validatedNames == null) {
      List<String> valid = new ArrayList<>();
      DnsAnswer ptr = dns.lookup(ip.reverseName(), RecordType.PTR);
      if (!ptr.status().isTemporary()) {
        for (String name : ptr.records().subList(0, Math.min(MAX_PTR, ptr.records().size()))) {
          String n = DomainNames.stripDot(name);
          DnsAnswer fwd = dns.lookup(n, ip.isIpv4() ? RecordType.A : RecordType.AAAA);
          if (!fwd.status().isTemporary() && parseAddresses(fwd).contains(ip)) {
            valid.add(n);
          }
        }
      }
      validatedNames = List.copyOf(valid);
    }
    return target == null ? validatedNames
        : validatedNames.stream().filter(n -> DomainNames.isAtOrUnder(n, target)).toList();
  }
}
