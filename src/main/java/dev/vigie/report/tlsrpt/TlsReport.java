package dev.vigie.report.tlsrpt;

import dev.vigie.report.Report;
import dev.vigie.report.ReportKind;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An SMTP TLS report (RFC 8460 §4). Field names follow parsedmarc's SMTP TLS output.
 *
 * @param beginDate the date-range start-datetime (RFC 8460 §4.3)
 * @param endDate the date-range end-datetime
 * @param contactInfo contact-info, or null when the reporter gave none
 */
public record TlsReport(
    String origin,
    List<String> warnings,
    String organizationName,
    Instant beginDate,
    Instant endDate,
    @Nullable String contactInfo,
    String reportId,
    List<TlsPolicy> policies) implements Report {

  public TlsReport {
    warnings = List.copyOf(warnings);
    policies = List.copyOf(policies);
  }

  @Override
  public ReportKind kind() {
    return ReportKind.SMTP_TLS;
  }
}
