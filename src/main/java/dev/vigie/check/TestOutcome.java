package dev.vigie.check;

/**
 * One scored test of a domain.
 *
 * @param id stable identifier, e.g. {@code dmarc.enforced}
 * @param status pass, fail, or unknown (DNS did not answer, or nothing to test); unknown tests
 *     do not count toward the score
 */
public record TestOutcome(String id, CheckLevel level, Status status) {
  public enum Status { PASS, FAIL, UNKNOWN }

  public static TestOutcome of(String id, CheckLevel level, boolean pass) {
    return new TestOutcome(id, level, pass ? Status.PASS : Status.FAIL);
  }
}
