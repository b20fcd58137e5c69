package dev.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.testing.Samples;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar run as a user runs it, in its own process: real exit codes, real stderr, and
 * memory bounded by the heap it is given.
 */
class VigieJarIT {
  @TempDir Path dir;

  record Run(int code, String stdout, String stderr) {}

  private Run vigie(String heap, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", Path.of("target/vigie.jar").toAbsolutePath().toString()));
    cmd.addAll(List.of(args));
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("vigie finished").isTrue();
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void parse_everySampleFromTheShell() throws Exception {
    Run r = vigie("256m", "parse", "--format", "jsonl", Samples.root().toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.stdout().lines()).hasSize(33);
    assertThat(r.stderr().lines()).hasSize(2).allMatch(l -> l.startsWith("vigie: "));
    assertThat(r.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void parse_bigMboxStreamsInASmallHeap() throws Exception {
    byte[] email = Samples.bytes(
        "aggregate/Report domain- borschow.com Submitter- google.com Report-ID- 949348866075514174.eml");
    Path mbox = dir.resolve("reports.mbox");
    int messages = 12_000; // ~145 MB: three times the heap below
    try (OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(mbox), 1 << 20)) {
      for (int i = 0; i < messages; i++) {
        o.write(("From MAILER-DAEMON Mon Feb 11 10:00:00 2019\n").getBytes());
        o.write(email);
        o.write('\n');
      }
    }
    assertThat(Files.size(mbox)).isGreaterThan(130L << 20);
    Path out = dir.resolve("out.jsonl");
    Run r = vigie("48m", "parse", "--format", "jsonl", "--out", out.toString(), mbox.toString());
    assertThat(r.stderr()).contains("wrote " + messages + " report(s)");
    assertThat(r.code()).isZero();
    try (var lines = Files.lines(out)) {
      assertThat(lines.count()).isEqualTo(messages);
    }
  }

  @Test
  void parse_noArgumentsIsAUsageError() throws Exception {
    Run r = vigie("64m", "parse");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.stderr()).contains("Missing required parameter");
  }

}
