package dev.vigie.road;

import java.util.List;

/**
 * The DMARC record to publish for the next step.
 *
 * @param target the stage it moves the domain to
 * @param testing it carries {@code t=y} (a rehearsal of {@code target}, see {@link RoadRules})
 * @param notes about the record: e.g. {@code road.record.rebuilt-from-reports} when the current
 *     record was not available and only p/sp are known, so other tags must be checked
 */
public record NextRecord(Stage target, boolean testing, DnsRecord record, List<Advice> notes) {
  public NextRecord {
    notes = List.copyOf(notes);
  }
}
