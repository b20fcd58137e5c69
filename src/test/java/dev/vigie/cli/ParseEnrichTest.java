package dev.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.testing.LocalBind;
import dev.vigie.testing.Samples;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigie parse --enrich}: reverse DNS from a real BIND, then the known-sender catalogue. */
class ParseEnrichTest {
  @TempDir Path dir;

  @Test
  void parse_enrichNamesTheSendingService() throws Exception {
    assumeTrue(LocalBind.available(), "BIND 9 (named) is not installed; .ci/run installs it");
    try (LocalBind bind = LocalBind.start(dir, Map.of(
        "in-addr.arpa", """
            41.220.85.209 IN PTR mail-sor-f41.google.com.
            90.48.240.54  IN PTR a48-90.smtp-out.amazonses.com.
            """,
        "google.com", "mail-sor-f41 IN A 209.85.220.41",
        "amazonses.com", "a48-90.smtp-out IN A 54.240.48.90"))) {
      Path out = dir.resolve("out.jsonl");
      int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
          "parse", "--enrich", "--resolver", "127.0.0.1:" + bind.port(), "--timeout-ms", "1000",
          "--format", "jsonl", "--out", out.toString(),
          Samples.path("extract_report/nice-input.xml").toString());
      assertThat(code).isZero();
      JsonNode records = new ObjectMapper().readTree(Files.readAllLines(out).get(0))
          .at("/report/records");
      JsonNode google = records.get(1).get("source");
      assertThat(google.get("ip_address").asText()).isEqualTo("209.85.220.41");
      assertThat(google.get("reverse_dns").asText()).isEqualTo("mail-sor-f41.google.com");
      assertThat(google.get("base_domain").asText()).isEqualTo("google.com");
      assertThat(google.get("name").asText()).containsIgnoringCase("google");
      JsonNode ses = records.get(2).get("source");
      assertThat(ses.get("reverse_dns").asText()).isEqualTo("a48-90.smtp-out.amazonses.com");
      assertThat(ses.get("name").asText()).containsIgnoringCase("amazon");
      assertThat(ses.get("type").asText()).isNotBlank();
      // No PTR for this one: unknown stays null rather than guessed.
      assertThat(records.get(0).get("source").get("name").isNull()).isTrue();
    }
  }
}
