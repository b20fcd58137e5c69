package dev.vigie.dns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory {@link DnsClient} for tests. Names are case-insensitive and a trailing dot is
 * ignored; a name nobody added is NXDOMAIN; CNAMEs are followed (a loop is SERVFAIL).
 *
 * <p>Entries of a name are kept in order, which matters for {@link #timeout(String)}: like the
 * openspf suite's "TIMEOUT" item, it makes every type that has no record added before it time
 * out (pyspf {@code test/testspf.py} semantics).
 */
public final class StubDnsClient implements DnsClient {
  private static final int MAX_CNAME_HOPS = 8;

  private sealed interface Entry {}

  private record Data(RecordType type, String value, List<String> strings) implements Entry {}

  /** type null: every type without an earlier record times out. */
  private record Timeout(@Nullable RecordType type) implements Entry {}

  private record Servfail() implements Entry {}

  private final Map<String, List<Entry>> zone = new LinkedHashMap<>();
  private final List<String> queries = new ArrayList<>();

  private List<Entry> entries(String name) {
    return zone.computeIfAbsent(normalize(name), k -> new ArrayList<>());
  }

  /** Declares that the name exists (NOERROR, no data) without adding a record. */
  public StubDnsClient exists(String name) {
    entries(name);
    return this;
  }

  /** Adds a record in presentation form: "192.0.2.1", "10 mx.example.com", a target name. */
  public StubDnsClient add(String name, RecordType type, String value) {
    if (type == RecordType.TXT) {
      return txt(name, List.of(value));
    }
    entries(name).add(new Data(type, type == RecordType.MX ? value : normalizeValue(type, value),
        List.of()));
    return this;
  }

  /** Adds a TXT record made of these character-strings (possibly none). */
  public StubDnsClient txt(String name, List<String> strings) {
    entries(name).add(new Data(RecordType.TXT, String.join("", strings), List.copyOf(strings)));
    return this;
  }

  public StubDnsClient timeout(String name) {
    entries(name).add(new Timeout(null));
    return this;
  }

  public StubDnsClient timeout(String name, RecordType type) {
    entries(name).add(new Timeout(type));
    return this;
  }

  public StubDnsClient servfail(String name) {
    entries(name).add(new Servfail());
    return this;
  }

  /** Every question asked so far, as "TYPE name". */
  public List<String> queries() {
    return List.copyOf(queries);
  }

  @Override
  public DnsAnswer lookup(String name, RecordType type) {
    queries.add(type + " " + normalize(name));
    String current = normalize(name);
    for (int hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
      List<Entry> entries = zone.get(current);
      if (entries == null) {
        return DnsAnswer.of(name, type, DnsStatus.NXDOMAIN, List.of());
      }
      String cname = null;
      List<String> records = new ArrayList<>();
      List<List<String>> strings = new ArrayList<>();
      for (Entry e : entries) {
        switch (e) {
          case Timeout t when t.type() == null -> {
            if (records.isEmpty()) {
              return DnsAnswer.of(name, type, DnsStatus.TIMEOUT, List.of());
            }
          }
          case Timeout t -> {
            if (t.type() == type) {
              return DnsAnswer.of(name, type, DnsStatus.TIMEOUT, List.of());
            }
          }
          case Servfail s -> {
            return DnsAnswer.of(name, type, DnsStatus.SERVFAIL, List.of());
          }
          case Data d when d.type() == RecordType.CNAME && type != RecordType.CNAME ->
              cname = d.value();
          case Data d -> {
            if (d.type() == type) {
              records.add(d.value());
              strings.add(d.strings());
            }
          }
        }
        if (!records.isEmpty() && e instanceof Timeout t && t.type() == null) {
          break;
        }
      }
      if (cname == null || !records.isEmpty()) {
        List<List<String>> txt = type == RecordType.TXT ? strings : List.of();
        return new DnsAnswer(normalize(name), type, DnsStatus.NOERROR, List.copyOf(records),
            List.copyOf(txt), false);
      }
      current = normalize(cname);
    }
    return DnsAnswer.of(name, type, DnsStatus.SERVFAIL, List.of()); // CNAME chain too long/loop
  }

  private static String normalize(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }

  private static String normalizeValue(RecordType type, String value) {
    return switch (type) {
      case PTR, CNAME, NS -> normalize(value);
      case AAAA -> value.toLowerCase(Locale.ROOT);
      default -> value;
    };
  }
}
