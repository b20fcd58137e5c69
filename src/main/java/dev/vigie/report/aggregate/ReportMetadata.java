package dev.vigie.report.aggregate;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code <report_metadata>}. {@code orgName} is never empty: when the reporter left it blank it is
 * the domain of {@code orgEmail}, as parsedmarc does.
 *
 * @param reportId the id as sent, without enclosing angle brackets
 * @param errors the reporter's own {@code <error>} elements
 * @param generator RFC 9990 {@code <generator>}
 */
public record ReportMetadata(
    String orgName,
    @Nullable String orgEmail,
    @Nullable String orgExtraContactInfo,
    String reportId,
    Instant begin,
    Instant end,
    List<String> errors,
    @Nullable String generator) {

  /** Length of the reporting period, in seconds. */
  public long timespanSeconds() {
    return end.getEpochSecond() - begin.getEpochSecond();
  }
}
