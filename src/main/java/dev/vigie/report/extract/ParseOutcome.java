package dev.vigie.report.extract;

import dev.vigie.report.Report;

/** What one document inside an input turned into: a report, or one clear reason it is not one. */
public sealed interface ParseOutcome {
  String origin();

  record Parsed(Report report) implements ParseOutcome {
    @Override
    public String origin() {
      return report.origin();
    }
  }

  /**
   * @param origin the input and container path, e.g. {@code mail.mbox > message 12 > report.zip}
   * @param reason one sentence, no stack trace
   */
  record Failed(String origin, String reason) implements ParseOutcome {}
}
