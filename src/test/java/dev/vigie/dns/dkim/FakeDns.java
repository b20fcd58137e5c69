package dev.vigie.dns.dkim;

import dev.vigie.dns.DnsAnswer;
import dev.vigie.dns.DnsClient;
import dev.vigie.dns.DnsStatus;
import dev.vigie.dns.RecordType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test DnsClient over Mail::DKIM's FAKE_DNS.dat ("name record", with NXDOMAIN, timeout and
 * SERVFAIL markers) plus records added by tests; NXDOMAIN for anything else.
 */
final class FakeDns implements DnsClient {

  private final Map<String, DnsAnswer> answers = new HashMap<>();
  final List<String> asked = new ArrayList<>();

  static Path shared() {
    return Path.of(System.getProperty("vigie.shared", "../shared"));
  }

  /** The 21 entries of FAKE_DNS.dat, name to record text (or marker), in file order. */
  static Map<String, String> fakeDnsDat() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(
        shared().resolve("conformance/dkim/mail-dkim-FAKE_DNS.dat"), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+", 2);
      out.put(parts[0], parts[1]);
    }
    return out;
  }

  static FakeDns fromFakeDnsDat() throws IOException {
    FakeDns dns = new FakeDns();
    fakeDnsDat().forEach((name, value) -> {
      switch (value.strip()) {
        case "NXDOMAIN" -> dns.status(name, DnsStatus.NXDOMAIN);
        case "~~Query timed out~~" -> dns.status(name, DnsStatus.TIMEOUT);
        case "~~SERVFAIL~~" -> dns.status(name, DnsStatus.SERVFAIL);
        default -> dns.txt(name, value);
      }
    });
    return dns;
  }

  FakeDns txt(String name, String... records) {
    answers.put(name, DnsAnswer.of(name, RecordType.TXT, DnsStatus.NOERROR, List.of(records)));
    return this;
  }

  FakeDns status(String name, DnsStatus status) {
    answers.put(name, DnsAnswer.of(name, RecordType.TXT, status, List.of()));
    return this;
  }

  @Override
  public DnsAnswer lookup(String name, RecordType type) {
    asked.add(name);
    DnsAnswer a = type == RecordType.TXT ? answers.get(name) : null;
    return a != null ? a : DnsAnswer.of(name, type, DnsStatus.NXDOMAIN, List.of());
  }
}
