package dev.vigie.report;

/**
 * The input is not a report Vigie can read. The message is one plain sentence naming the problem
 * (never a stack trace); callers prefix it with the input's name.
 */
public class InvalidReportException extends RuntimeException {
  public InvalidReportException(String message) {
    super(message, null, false, false);
  }

  public InvalidReportException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
