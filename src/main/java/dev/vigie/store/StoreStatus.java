package dev.vigie.store;

import java.time.Instant;
import java.util.List;

/**
 * What the store holds.
 *
 * @param reports aggregate reports stored (each once)
 * @param records their records
 * @param messages the sum of the records' message counts
 * @param duplicates copies of stored reports that arrived again in other bytes
 * @param quarantined documents that failed to parse and are not yet resolved
 * @param unclaimed aggregate reports for domains no client owns
 * @param lastBySource the newest arrival per source kind
 */
public record StoreStatus(long rawMessages, long reports, long records, long messages,
    long failureReports, long tlsReports, long duplicates, long quarantined, long unclaimed,
    List<LastArrival> lastBySource) {

  /** The newest message received by one kind of source. */
  public record LastArrival(String sourceKind, String sourceName, Instant receivedAt) {}
}
