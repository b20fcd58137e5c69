package dev.vigie.check;

import java.util.List;

/**
 * A domain's score: passed weight over decided weight, in percent, rounded down. Informational
 * tests and tests that could not be decided (DNS did not answer) do not count, so a flaky resolver
 * never lowers a score.
 */
public final class Score {
  private Score() {}

  public static int of(List<TestOutcome> tests) {
    int decided = 0;
    int passed = 0;
    for (TestOutcome t : tests) {
      if (t.status() == TestOutcome.Status.UNKNOWN) {
        continue;
      }
      decided += t.level().weight();
      if (t.status() == TestOutcome.Status.PASS) {
        passed += t.level().weight();
      }
    }
    return decided == 0 ? 0 : passed * 100 / decided;
  }
}
