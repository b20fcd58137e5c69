package dev.vigie.road;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A domain's page.
 *
 * @param compliance over {@code period}
 * @param services its sources over {@code period} grouped by sending service
 * @param road the road to p=reject, judged on the last {@link RoadRules#windowDays()} days
 * @param lastReport the last day an aggregate report covers; null when none arrived
 * @param aggregateReports aggregate reports covering days of the readiness window
 * @param failureReports failure (forensic) reports received over the period
 * @param tlsReports SMTP TLS reports over the period, with their session totals
 */
public record DomainView(
    String domain,
    long clientId,
    String clientName,
    Period period,
    Compliance compliance,
    List<ServiceGroup> services,
    Road road,
    @Nullable LocalDate lastReport,
    boolean reportsStopped,
    long aggregateReports,
    long failureReports,
    long tlsReports,
    long tlsSuccessfulSessions,
    long tlsFailedSessions) {

  public DomainView {
    services = List.copyOf(services);
  }
}
