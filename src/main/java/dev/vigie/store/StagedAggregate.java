package dev.vigie.store;

import dev.vigie.report.aggregate.AggregateReport;
import java.time.LocalDateTime;

/**
 * An aggregate report made ready for bulk loading on a worker thread: its header row and record
 * rows already rendered as {@link CsvRows}, so the writing thread only adds what only
 * it knows (the report's sequence number and client) and hands the bytes to the engine.
 *
 * @param header the aggregate_report row from {@code tenant_id} on ({@link AggregateStager#REPORT_COLUMNS})
 * @param records one row per record from {@code tenant_id} on, ending at {@code recordEnds[i]}
 */
record StagedAggregate(
    AggregateReport report, String key, String sha, LocalDateTime storedAt, byte[] header,
    byte[] records, int[] recordEnds) {}
