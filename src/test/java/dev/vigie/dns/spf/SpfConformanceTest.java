package dev.vigie.dns.spf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The openspf suites, one named test per case ("rfc7208 / Macro expansion rules / v-macro-ip6"),
 * driven per shared/conformance/spf/README.md: default explanation "DEFAULT", any listed result
 * accepted, the explanation compared where the case gives one.
 */
class SpfConformanceTest {
  /** suite -> counts of passed, skipped and non-preferred results, printed at the end. */
  private static final Map<String, Map<String, Integer>> TALLY = new ConcurrentHashMap<>();

  @AfterAll
  static void printTally() {
    // Surefire's XML names dynamic tests by index; this line gives the counts per suite.
    new TreeMap<>(TALLY).forEach((suite, counts) ->
        System.out.println("SPF conformance " + suite + ": " + new TreeMap<>(counts)));
  }

  private static void tally(String suite, String what) {
    TALLY.computeIfAbsent(suite, k -> new ConcurrentHashMap<>()).merge(what, 1, Integer::sum);
  }

  @TestFactory
  Stream<DynamicTest> rfc7208() throws IOException {
    return tests(SpfSuite.load("rfc7208", "rfc7208-tests.yml"), 203, Map.of(), Map.of());
  }

  @TestFactory
  Stream<DynamicTest> rfc4408() throws IOException {
    return tests(SpfSuite.load("rfc4408", "rfc4408-tests.yml"), 191, Map.of(),
        Rfc4408Changes.REASONS);
  }

  @TestFactory
  Stream<DynamicTest> blitiri() throws IOException {
    return tests(SpfSuite.load("blitiri", "blitirispf-tests.yml"), 21, BlitiriSkips.REASONS,
        Map.of());
  }

  /**
   * @param expected the number of cases the suite holds (README counts), so a loader bug that
   *     drops cases cannot pass unnoticed
   * @param skips cases not run, with the reason (shown as the skip message)
   * @param changes cases allowed to pass with a listed result other than the preferred one
   */
  private static Stream<DynamicTest> tests(List<SpfSuite.Case> cases, int expected,
      Map<String, String> skips, Map<String, String> changes) {
    assertThat(cases).hasSize(expected);
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.displayName(), () -> {
      String key = c.scenario() + " / " + c.id();
      String skip = skips.get(key);
      if (skip != null) {
        tally(c.suite(), "skipped");
      }
      Assumptions.assumeTrue(skip == null, () -> "skipped: " + skip);
      run(c, changes.get(key));
      tally(c.suite(), "passed");
    }));
  }

  static void run(SpfSuite.Case c, @Nullable String changed) {
    SpfEvaluator evaluator = new SpfEvaluator(c.zone(),
        SpfOptions.defaults().withDefaultExplanation("DEFAULT"));
    SpfResult r = evaluator.check(c.host(), c.mailFrom(), c.helo());
    assertThat(r.verdict().keyword()).as("%s (%s)", c.displayName(), r.reason())
        .isIn(c.results());
    if (!r.verdict().keyword().equals(c.results().getFirst())) {
      assertThat(changed).as("%s: %s is acceptable but not preferred (%s); list it with a reason",
          c.displayName(), r.verdict().keyword(), r.reason()).isNotNull();
      tally(c.suite(), "passed with a non-preferred result");
      System.out.println(c.displayName() + ": " + r.verdict().keyword() + " (preferred "
          + c.results().getFirst() + "): " + changed);
    }
    if (c.explanation() != null) {
      assertThat(r.explanation()).as(c.displayName()).isEqualTo(c.explanation());
    }
  }
}
