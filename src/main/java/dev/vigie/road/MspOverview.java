package dev.vigie.road;

import java.util.List;

/**
 * The MSP's overview across all its clients, over the last {@link RoadRules#windowDays()} days.
 *
 * @param reportsStopped the clients with a domain whose reports stopped, longest silence first
 */
public record MspOverview(
    Period period,
    StageCounts stages,
    long messages,
    long pass,
    double passPercent,
    long failingLegit,
    List<ClientSummary> clients,
    List<ClientSummary> reportsStopped) {

  public MspOverview {
    clients = List.copyOf(clients);
    reportsStopped = List.copyOf(reportsStopped);
  }
}
