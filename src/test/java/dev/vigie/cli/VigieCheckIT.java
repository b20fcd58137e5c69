package dev.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.testing.LocalBind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code vigie check} against a real BIND 9, twice, with history kept. */
class VigieCheckIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private String check(LocalBind bind, String format, String... domains) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        Path.of("target/vigie.jar").toAbsolutePath().toString(), "check", "--resolver",
        "127.0.0.1:" + bind.port(), "--timeout-ms", "1000", "--format", format, "--data",
        dir.resolve("data").toString()));
    cmd.addAll(List.of(domains));
    Path out = dir.resolve("out.txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
        .redirectError(dir.resolve("err.txt").toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(dir.resolve("err.txt"))).isEmpty();
    return Files.readString(out);
  }

  private LocalBind serve(String dmarcPolicy, int run) throws Exception {
    Path zones = Files.createDirectories(dir.resolve("zones" + run));
    return LocalBind.start(zones, Map.of("shop.test", """
        @       IN MX 10 mx
        mx      IN A 192.0.2.25
        @       IN TXT "v=spf1 mx -all"
        _dmarc  IN TXT "v=DMARC1; p=%s; rua=mailto:dmarc@shop.test"
        """.formatted(dmarcPolicy)));
  }

  @Test
  void check_reportsAndThenWhatChanged() throws Exception {
    assumeTrue(LocalBind.available(), "BIND 9 (named) is not installed; .ci/run installs it");
    JsonNode first;
    try (LocalBind bind = serve("reject", 1)) {
      first = JSON.readTree(check(bind, "json", "shop.test"));
    }
    assertThat(first.get("domain").asText()).isEqualTo("shop.test");
    assertThat(first.at("/records/dmarc/p").asText()).isEqualTo("reject");
    assertThat(first.at("/records/spf/record").asText()).isEqualTo("v=spf1 mx -all");
    assertThat(first.get("changes")).isEmpty();
    assertThat(first.get("findings").findValuesAsText("code")).contains("dkim.no-keys-found");

    String text;
    try (LocalBind bind = serve("none", 2)) {
      text = check(bind, "text", "shop.test");
    }
    assertThat(text).startsWith("shop.test  score ")
        .contains("DMARC   v=DMARC1; p=none; rua=mailto:dmarc@shop.test")
        .contains("CHANGED dmarc.policy-weakened: DMARC policy weakened (reject -> none)");
    // both checks and the change are in the store
    try (dev.vigie.store.Store store = dev.vigie.store.Store.open(
        dev.vigie.store.StoreLocation.embedded(dir.resolve("data")))) {
      assertThat(dev.vigie.store.CheckSql.changes(store.connection(), 1, "shop.test", 50))
          .extracting(dev.vigie.store.CheckSql.Change::code).contains("dmarc.policy-weakened");
      assertThat(dev.vigie.store.CheckSql.latest(store.connection(), 1, "shop.test")).get()
          .satisfies(c -> assertThat(c.json()).contains("\"p\":\"none\""));
    }
  }
}
