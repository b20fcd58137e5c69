package dev.vigie.dns.dmarc;

import dev.vigie.dns.DnsAnswer;
import dev.vigie.dns.DnsClient;
import dev.vigie.dns.DnsStatus;
import dev.vigie.dns.RecordType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A test DnsClient: answers from a map, NXDOMAIN otherwise, and remembers what was asked. */
final class StubDns implements DnsClient {

  private final Map<String, DnsAnswer> answers = new HashMap<>();
  final List<String> asked = new ArrayList<>();

  StubDns txt(String name, String... records) {
    answers.put(key(name, RecordType.TXT),
        DnsAnswer.of(name, RecordType.TXT, DnsStatus.NOERROR, List.of(records)));
    return this;
  }

  StubDns status(String name, DnsStatus status) {
    answers.put(key(name, RecordType.TXT), DnsAnswer.of(name, RecordType.TXT, status, List.of()));
    return this;
  }

  @Override
  public DnsAnswer lookup(String name, RecordType type) {
    asked.add(name);
    return answers.getOrDefault(key(name, type),
        DnsAnswer.of(name, type, DnsStatus.NXDOMAIN, List.of()));
  }

  private static String key(String name, RecordType type) {
    return name.toLowerCase(Locale.ROOT) + "/" + type;
  }
}
