package dev.vigie.road;

import java.util.List;

/** A client organisation's page: compliance over the period, its domains. */
public record ClientView(
    long clientId,
    String name,
    Period period,
    Compliance compliance,
    StageCounts stages,
    List<DomainSummary> domains) {

  public ClientView {
    domains = List.copyOf(domains);
  }
}
