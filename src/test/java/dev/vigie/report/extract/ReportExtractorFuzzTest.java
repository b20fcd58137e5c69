package dev.vigie.report.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigie.report.ParseLimits;
import dev.vigie.report.Report;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the whole extraction path: content sniffing, gzip, zip, MIME, mbox,
 * aggregate XML, TLS-RPT JSON, failure reports. Whatever the bytes, the extractor must return (no
 * exception, no hang) and every problem must come out as a {@link ParseOutcome.Failed} with a
 * plain reason — never the catch-all it keeps for parser bugs ({@code could not be parsed (...)}),
 * which is how a {@code NullPointerException} or {@code StackOverflowError} deep in a parser would
 * show.
 *
 * <p>Plain {@code mvn test} runs this in regression mode: once per seed in
 * {@code src/test/resources/dev/vigie/report/extract/ReportExtractorFuzzTestInputs/extract_anyBytes/}
 * (Jazzer's layout: {@code <ClassName>Inputs/<method>/}), plus any crash files a fuzzing run saved
 * there. The seeds are small files from parsedmarc's {@code samples/} (Apache-2.0, see
 * shared/samples/parsedmarc/README.md) and one two-message mbox made from them. The surefire
 * execution {@code fuzz} runs it with {@code JAZZER_FUZZ=1} for {@code fuzz.seconds} (20 s in CI;
 * {@code FUZZ_SECONDS=600 ./build fuzz} for ten minutes).
 */
class ReportExtractorFuzzTest {
  /**
   * The default limits, scaled down so one input costs milliseconds: the code paths that enforce
   * them are the same, and the fuzzer spends its time on structure rather than on inflating.
   */
  private static final ParseLimits LIMITS = new ParseLimits(
      4 * ParseLimits.MIB, 4 * ParseLimits.MIB, 1000, 4, 64, 256, 10_000, 32, 64 * 1024);

  private final ReportExtractor extractor = new ReportExtractor(LIMITS);

  // @Timeout is per input: JUnit applies it to each seed in regression mode; when fuzzing, Jazzer
  // turns it into libFuzzer's -timeout (the `fuzz` execution switches JUnit's own timeouts off, or
  // JUnit would apply it to the whole run).
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  @FuzzTest(maxDuration = "20s")
  void extract_anyBytes(byte[] data) {
    List<ParseOutcome> out = new ArrayList<>();

    // The stream entry point, as the CLI uses it: it streams mbox input and hands everything else
    // to extract(origin, bytes, 0, sink).
    extractor.extract("fuzz", new ByteArrayInputStream(data), out::add);

    assertThat(out).isNotEmpty();
    for (ParseOutcome o : out) {
      assertThat(o.origin()).startsWith("fuzz");
      switch (o) {
        case ParseOutcome.Failed f -> assertThat(f.reason()).isNotBlank()
            .doesNotStartWith("could not be parsed (").doesNotContain("\tat ");
        case ParseOutcome.Parsed p -> {
          Report r = p.report();
          assertThat(r.kind()).isNotNull();
          assertThat(r.warnings()).doesNotContainNull();
        }
      }
    }
  }
}
