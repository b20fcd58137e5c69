package dev.vigie.report.aggregate;

import dev.vigie.report.Report;
import dev.vigie.report.ReportKind;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A DMARC aggregate report (RFC 7489 §7.2 and Appendix C; RFC 9990).
 *
 * @param xmlSchema the {@code <version>} the reporter declared, or "draft" when it declared none
 * @param xmlNamespace the default XML namespace, e.g. {@code urn:ietf:params:xml:ns:dmarc-2.0}
 */
public record AggregateReport(
    String origin,
    List<String> warnings,
    String xmlSchema,
    @Nullable String xmlNamespace,
    ReportMetadata metadata,
    PolicyPublished policy,
    List<AggregateRecord> records) implements Report {

  @Override
  public ReportKind kind() {
    return ReportKind.AGGREGATE;
  }

  /** Sum of message counts over all records. */
  public long messageCount() {
    long n = 0;
    for (AggregateRecord r : records) {
      n += r.count();
    }
    return n;
  }
}
