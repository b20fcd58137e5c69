package dev.vigie.store;

/**
 * An aggregate report made ready for bulk loading on a worker thread: its header row and record
 * rows already rendered as {@link CsvRows}, so the writing thread only adds what only
 * it knows (the report's sequence number and client) and hands the bytes to the engine. The
 * parsed records are not kept, so they die young once rendered.
 *
 * @param reportId for the duplicate check
 * @param domain the policy domain, which routes the report to a client
 * @param key the report's identity ({@link ReportSql#aggregateKey})
 * @param header the aggregate_report row from {@code tenant_id} on ({@link AggregateStager#REPORT_COLUMNS})
 * @param records one row per record from {@code tenant_id} on, ending at {@code recordEnds[i]}
 * @param rollups this report's daily_rollup deltas ({@link AggregateStager#ROLLUP_COLUMNS})
 * @param days this report's domain_day deltas ({@link AggregateStager#DAY_COLUMNS})
 */
record StagedAggregate(String reportId, String domain, String key, byte[] header,
    byte[] records, int[] recordEnds, byte[] rollups, byte[] days) {}
