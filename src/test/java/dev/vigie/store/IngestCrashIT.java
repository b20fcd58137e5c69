package dev.vigie.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 in the middle of `vigie ingest` over 10,000 generated reports, run it again: the store
 * ends exactly as after an uninterrupted run — nothing lost, nothing counted twice.
 */
class IngestCrashIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private Process vigie(Path out, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "--enable-native-access=ALL-UNNAMED", "-jar",
        Path.of("target/vigie.jar").toAbsolutePath().toString()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
  }

  private JsonNode status(Path data) throws Exception {
    Path out = dir.resolve("status.json");
    Process p = vigie(out, "status", "--format", "json", "--data", data.toString());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String text = Files.readString(out);
    return JSON.readTree(text.substring(text.indexOf('{')));
  }

  @Test
  void ingest_killedAndRestarted_endsLikeAnUninterruptedRun() throws Exception {
    Path corpus = dir.resolve("corpus");
    Process gen = new ProcessBuilder("python3", Path.of(System.getProperty("vigie.shared",
        "../shared"), "bench/gen_reports.py").toString(), corpus.toString(), "-n", "10000",
        "--seed", "3", "--max-records", "200").redirectErrorStream(true)
        .redirectOutput(dir.resolve("gen.log").toFile()).start();
    assertThat(gen.waitFor(180, TimeUnit.SECONDS)).isTrue();
    String reports = corpus.resolve("reports").toString();

    Path clean = dir.resolve("clean");
    Process p = vigie(dir.resolve("clean.log"), "ingest", "--batch", "500", "--data",
        clean.toString(), reports);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("clean.log"))).isZero();
    JsonNode expected = status(clean);
    assertThat(expected.get("reports").asLong()).isEqualTo(10_000);

    Path crashed = dir.resolve("crashed");
    Process victim = vigie(dir.resolve("victim.log"), "ingest", "--batch", "500", "--data",
        crashed.toString(), reports);
    // Kill it once it has committed some batches but long before it is done.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline && victim.isAlive()
        && sizeOf(crashed.resolve("vigie.duckdb.wal")) + sizeOf(crashed.resolve("vigie.duckdb"))
            < 3_000_000) {
      Thread.sleep(20);
    }
    assertThat(victim.isAlive()).as("the run was still going when killed").isTrue();
    victim.destroyForcibly(); // SIGKILL: no shutdown hooks, no clean close
    victim.waitFor(30, TimeUnit.SECONDS);

    Process again = vigie(dir.resolve("again.log"), "ingest", "--batch", "500", "--data",
        crashed.toString(), reports);
    assertThat(again.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(again.exitValue()).as(Files.readString(dir.resolve("again.log"))).isZero();
    JsonNode actual = status(crashed);
    for (String field : List.of("raw_messages", "reports", "records", "messages", "duplicates",
        "quarantined", "unclaimed", "failure_reports", "smtp_tls_reports")) {
      assertThat(actual.get(field).asLong()).as(field).isEqualTo(expected.get(field).asLong());
    }
  }

  private static long sizeOf(Path p) {
    try {
      return Files.exists(p) ? Files.size(p) : 0;
    } catch (java.io.IOException e) {
      return 0;
    }
  }
}
