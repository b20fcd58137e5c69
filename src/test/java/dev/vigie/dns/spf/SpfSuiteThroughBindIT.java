package dev.vigie.dns.spf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.testing.LocalBind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RFC 7208 suite end to end: each scenario's zone data served by a real BIND 9 on loopback
 * (one server per scenario, each scenario redefining the same names), queried by the packaged
 * {@code vigie spf --batch} over real DNS. Cases that need a DNS timeout stay with the stub
 * driver (SpfConformanceTest): an authoritative server cannot be told to time out.
 */
class SpfSuiteThroughBindIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void rfc7208Suite_passesThroughRealDns() throws Exception {
    assumeTrue(LocalBind.available(), "BIND 9 (named) is not installed; .ci/run installs it");
    List<SpfSuite.Case> all = SpfSuite.load("rfc7208", "rfc7208-tests.yml");
    assertThat(all).hasSize(203);
    Map<String, List<SpfSuite.Case>> byScenario = new LinkedHashMap<>();
    for (SpfSuite.Case c : all) {
      byScenario.computeIfAbsent(c.scenario(), k -> new ArrayList<>()).add(c);
    }
    int passed = 0;
    int onStub = 0;
    List<String> failures = new ArrayList<>();
    List<String> zoneErrors = new ArrayList<>();
    int n = 0;
    for (List<SpfSuite.Case> cases : byScenario.values()) {
      n++;
      Path zoneDir = Files.createDirectories(dir.resolve("scenario" + n));
      Files.writeString(zoneDir.resolve("root.db"),
          LocalBind.zoneFile(".", ZoneText.of(cases.get(0).zoneData())), StandardCharsets.UTF_8);
      List<SpfSuite.Case> run = new ArrayList<>();
      for (SpfSuite.Case c : cases) {
        if (ZoneText.needsTimeout(c)) {
          onStub++;
        } else {
          run.add(c);
        }
      }
      List<JsonNode> answers;
      try (LocalBind bind = LocalBind.start(zoneDir, LocalBind.zoneStatement(".", "root.db"),
          List.of("127.0.0.1"))) {
        answers = batch(zoneDir, "127.0.0.1:" + bind.port(), run);
      }
      Files.readAllLines(zoneDir.resolve("named.log")).stream()
          .filter(l -> l.contains("not loaded") || l.contains("failed")).forEach(zoneErrors::add);
      for (int i = 0; i < run.size(); i++) {
        SpfSuite.Case c = run.get(i);
        JsonNode a = answers.get(i);
        String result = a.path("result").asText();
        boolean ok = c.results().contains(result) && (c.explanation() == null
            || c.explanation().equals(a.path("explanation").asText(null)));
        if (ok) {
          passed++;
        } else {
          failures.add(c.displayName() + ": expected " + c.results() + " / " + c.explanation()
              + ", got " + a);
        }
      }
    }
    System.out.printf(Locale.ROOT, "rfc7208 through BIND + vigie spf --batch: %d passed, %d on the"
        + " stub (timeouts), %d failed%n", passed, onStub, failures.size());
    assertThat(failures).as("named: %s", zoneErrors).isEmpty();
    assertThat(passed + onStub).isEqualTo(203);
  }

  private List<JsonNode> batch(Path dir, String resolver, List<SpfSuite.Case> cases)
      throws Exception {
    Path in = dir.resolve("queries.jsonl");
    StringBuilder lines = new StringBuilder();
    for (SpfSuite.Case c : cases) {
      lines.append(JSON.writeValueAsString(Map.of("ip", c.host(), "sender", c.mailFrom(),
          "helo", c.helo()))).append('\n');
    }
    Files.writeString(in, lines);
    Path out = dir.resolve("answers.jsonl");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-jar", Path.of("target/vigie.jar").toAbsolutePath().toString(),
        "spf", "--batch", "--resolver", resolver, "--timeout-ms", "2000",
        "--default-explanation", "DEFAULT")
        .redirectInput(in.toFile()).redirectOutput(out.toFile())
        .redirectError(dir.resolve("spf.err").toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    List<JsonNode> answers = new ArrayList<>();
    for (String l : Files.readAllLines(out)) {
      answers.add(JSON.readTree(l));
    }
    assertThat(answers).as(Files.readString(dir.resolve("spf.err"))).hasSize(cases.size());
    return answers;
  }
}
