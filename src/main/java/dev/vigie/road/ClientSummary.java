package dev.vigie.road;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A client organisation in the MSP overview: its domains by stage and its last {@link
 * RoadRules#windowDays()} days.
 *
 * @param lastReport the last day any of its domains' reports covers; null when none arrived
 * @param reportsStopped reports arrived before but none covers the last {@link
 *     RoadRules#staleDays()} days, for any of its domains
 * @param stoppedDomains its domains whose reports stopped (the client may still be fine overall)
 */
public record ClientSummary(
    long clientId,
    String name,
    int domains,
    StageCounts stages,
    long messages,
    long pass,
    double passPercent,
    long failingLegit,
    @Nullable LocalDate lastReport,
    boolean reportsStopped,
    List<String> stoppedDomains) {

  public ClientSummary {
    stoppedDomains = List.copyOf(stoppedDomains);
  }
}
