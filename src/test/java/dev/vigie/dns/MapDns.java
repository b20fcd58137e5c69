package dev.vigie.dns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A DnsClient answering from a map, for unit tests of the checks. Unknown names are NXDOMAIN. */
public final class MapDns implements DnsClient {
  private final Map<String, List<String>> records = new HashMap<>();
  private final Set<String> names = new HashSet<>();
  private final Map<String, DnsStatus> failures = new HashMap<>();
  private final List<String> asked = new ArrayList<>();
  private boolean authenticated;

  /** Marks every answer as DNSSEC-validated (AD), as a validating resolver would. */
  public MapDns authenticated(boolean ad) {
    this.authenticated = ad;
    return this;
  }

  public MapDns add(String name, RecordType type, String... values) {
    String n = name.toLowerCase(Locale.ROOT);
    names.add(n);
    records.computeIfAbsent(n + "/" + type, k -> new ArrayList<>()).addAll(List.of(values));
    return this;
  }

  public MapDns fail(String name, RecordType type, DnsStatus status) {
    failures.put(name.toLowerCase(Locale.ROOT) + "/" + type, status);
    return this;
  }

  public List<String> asked() {
    return asked;
  }

  @Override
  public DnsAnswer lookup(String name, RecordType type) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".")) {
      n = n.substring(0, n.length() - 1);
    }
    asked.add(n + "/" + type);
    DnsStatus f = failures.get(n + "/" + type);
    if (f != null) {
      return DnsAnswer.of(n, type, f, List.of());
    }
    if (!names.contains(n)) {
      return DnsAnswer.of(n, type, DnsStatus.NXDOMAIN, List.of());
    }
    List<String> r = records.getOrDefault(n + "/" + type, List.of());
    List<List<String>> txt = type == RecordType.TXT ? r.stream().map(List::of).toList() : List.of();
    return new DnsAnswer(n, type, DnsStatus.NOERROR, List.copyOf(r), txt, authenticated);
  }
}
