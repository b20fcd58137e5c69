package dev.vigie.dns.spf;

import dev.vigie.dns.RecordType;
import dev.vigie.dns.StubDnsClient;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads an openspf-format YAML suite (shared/conformance/spf/README.md) and builds each scenario's
 * zone as a {@link StubDnsClient}, following the README's "How a driver runs it": SPF-type
 * records become TXT records for names without a TXT entry (appended after the name's other
 * entries, as pyspf does); the type-99 records themselves are unreachable, as RFC 7208 wants.
 */
final class SpfSuite {
  /** One test case; {@code results} lists the acceptable results, preferred first. */
  record Case(String suite, String scenario, String id, String helo, String host,
      String mailFrom, List<String> results, @Nullable String explanation,
      Map<String, List<Object>> zoneData) {

    String displayName() {
      return suite + " / " + scenario + " / " + id;
    }

    StubDnsClient zone() {
      return SpfSuite.zone(zoneData);
    }
  }

  private SpfSuite() {}

  static Path sharedDir() {
    return Path.of(System.getProperty("vigie.shared", "../shared"));
  }

  @SuppressWarnings("unchecked")
  static List<Case> load(String suite, String file) throws IOException {
    Path path = sharedDir().resolve("conformance/spf").resolve(file);
    List<Case> cases = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      for (Object doc : new Yaml(new LoaderOptions()).loadAll(in)) {
        Map<String, Object> scenario = (Map<String, Object>) doc;
        Map<String, List<Object>> zoneData = scenario.get("zonedata") == null ? Map.of()
            : (Map<String, List<Object>>) scenario.get("zonedata");
        Map<String, Map<String, Object>> tests =
            (Map<String, Map<String, Object>>) scenario.get("tests");
        for (Map.Entry<String, Map<String, Object>> t : tests.entrySet()) {
          Map<String, Object> v = t.getValue();
          Object result = v.get("result");
          List<String> results = result instanceof List<?> l
              ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(result));
          cases.add(new Case(suite, String.valueOf(scenario.get("description")), t.getKey(),
              text(v.get("helo")), text(v.get("host")), text(v.get("mailfrom")), results,
              v.get("explanation") == null ? null : String.valueOf(v.get("explanation")),
              zoneData));
        }
      }
    }
    return cases;
  }

  private static String text(@Nullable Object o) {
    return o == null ? "" : String.valueOf(o);
  }

  /** The zone of one scenario; a fresh client per test so query logs stay separate. */
  static StubDnsClient zone(Map<String, List<Object>> zoneData) {
    StubDnsClient dns = new StubDnsClient();
    for (Map.Entry<String, List<Object>> e : zoneData.entrySet()) {
      String name = String.valueOf(e.getKey());
      dns.exists(name);
      List<Object> generated = new ArrayList<>();
      boolean hasTxt = false;
      for (Object item : e.getValue() == null ? List.of() : e.getValue()) {
        if (!(item instanceof Map<?, ?> m)) {
          if ("TIMEOUT".equals(String.valueOf(item))) {
            dns.timeout(name);
          }
          continue;
        }
        for (Map.Entry<?, ?> r : m.entrySet()) {
          String type = String.valueOf(r.getKey()).toUpperCase(Locale.ROOT);
          Object value = r.getValue();
          hasTxt |= type.equals("TXT");
          if (type.equals("SPF")) {
            generated.add(value);
            continue;
          }
          add(dns, name, type, value);
        }
      }
      if (!hasTxt) {
        for (Object value : generated) {
          add(dns, name, "TXT", value);
        }
      }
    }
    return dns;
  }

  private static void add(StubDnsClient dns, String name, String type, @Nullable Object value) {
    switch (type) {
      case "TIMEOUT" -> dns.timeout(name); // blitiri's "TIMEOUT: true"
      case "SERVFAIL" -> dns.servfail(name); // blitiri's "SERVFAIL: true"
      default -> {
        RecordType rt = RecordType.valueOf(type);
        if ("NONE".equals(value)) {
          return;
        }
        if ("TIMEOUT".equals(value)) {
          dns.timeout(name, rt);
        } else if (rt == RecordType.TXT) {
          dns.txt(name, value instanceof List<?> l ? l.stream().map(String::valueOf).toList()
              : List.of(String.valueOf(value)));
        } else if (rt == RecordType.MX) {
          List<?> mx = (List<?>) value;
          String host = String.valueOf(mx.get(1));
          dns.add(name, rt, mx.get(0) + " " + (host.isEmpty() ? "." : host));
        } else {
          dns.add(name, rt, String.valueOf(value));
        }
      }
    }
  }
}
