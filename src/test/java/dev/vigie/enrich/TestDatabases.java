package dev.vigie.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MMDB files in the shapes users have, built from {@code ipinfo-lite-networks.json}: the network
 * table of {@code shared/bench/gen_reports.py --dump-networks}, in IPinfo Lite's field names.
 */
final class TestDatabases {
  private TestDatabases() {}

  static JsonNode networks() throws IOException {
    try (InputStream in = TestDatabases.class.getResourceAsStream("ipinfo-lite-networks.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  /** IPinfo Lite: every field a string, {@code asn} as "AS15169". */
  static Path ipinfoLite(Path dir) throws IOException {
    MmdbWriter w = new MmdbWriter("ipinfo lite.mmdb");
    for (JsonNode n : networks()) {
      Map<String, Object> r = new LinkedHashMap<>();
      for (String f : new String[] {"asn", "as_name", "as_domain", "country_code", "country",
          "continent_code", "continent"}) {
        r.put(f, n.get(f).asText());
      }
      w.insert(n.get("network").asText(), r);
    }
    return w.write(dir.resolve("ipinfo_lite.mmdb"));
  }

  /** GeoLite2-Country: {@code country.iso_code} and localised names. */
  static Path geoLite2Country(Path dir) throws IOException {
    MmdbWriter w = new MmdbWriter("GeoLite2-Country");
    for (JsonNode n : networks()) {
      Map<String, Object> country = Map.of("geoname_id", 6252001L,
          "iso_code", n.get("country_code").asText(),
          "names", Map.of("en", n.get("country").asText()));
      w.insert(n.get("network").asText(), Map.of("country", country, "registered_country", country));
    }
    return w.write(dir.resolve("GeoLite2-Country.mmdb"));
  }

  /** GeoLite2-ASN: numeric {@code autonomous_system_number}. */
  static Path geoLite2Asn(Path dir) throws IOException {
    MmdbWriter w = new MmdbWriter("GeoLite2-ASN");
    for (JsonNode n : networks()) {
      w.insert(n.get("network").asText(), Map.of(
          "autonomous_system_number", Long.parseLong(n.get("asn").asText().substring(2)),
          "autonomous_system_organization", n.get("as_name").asText()));
    }
    return w.write(dir.resolve("GeoLite2-ASN.mmdb"));
  }
}
