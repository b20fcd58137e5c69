package dev.vigie.road;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A domain in a list: its stage and its last {@link RoadRules#windowDays()} days.
 *
 * @param failingLegit failing messages of legitimate senders (what blocks enforcement)
 * @param lastReport the last day any aggregate report covers; null when none arrived
 * @param reportsStopped reports arrived before but none covers the last {@link
 *     RoadRules#staleDays()} days
 */
public record DomainSummary(
    String domain,
    long clientId,
    Stage stage,
    boolean partial,
    long messages,
    long pass,
    double passPercent,
    long failingLegit,
    @Nullable LocalDate lastReport,
    boolean reportsStopped) {}
