package dev.vigie.store;

import dev.vigie.report.aggregate.AggregateReport;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import java.time.LocalDateTime;

/**
 * An aggregate report made ready for bulk loading on a worker thread: its header row and record
 * rows already rendered as {@link CsvRows}, so the writing thread only adds what only
 * it knows (the report's sequence number and client) and hands the bytes to the engine.
 *
 * @param header the aggregate_report row from {@code tenant_id} on ({@link AggregateStager#REPORT_COLUMNS})
 * @param records one row per record from {@code tenant_id} on, ending at {@code recordEnds[i]}
 * @param rollups this report's daily_rollup deltas ({@link AggregateStager#ROLLUP_COLUMNS})
 * @param days this report's domain_day deltas ({@link AggregateStager#DAY_COLUMNS})
 */
record StagedAggregate(
    Head head, String key, String sha, LocalDateTime storedAt, byte[] header,
    byte[] records, int[] recordEnds, byte[] rollups, byte[] days) {

  /**
   * What the writer needs of the report besides the rendered rows: its identity and header
   * fields. The parsed records are not kept, so they die young once rendered.
   */
  record Head(String orgName, String reportId, String domain, Instant begin, Instant end,
      @Nullable String p, @Nullable String sp, int recordTotal, long messageTotal, String origin,
      @Nullable String warnings) {
    static Head of(AggregateReport r) {
      return new Head(r.metadata().orgName(), r.metadata().reportId(), r.policy().domain(),
          r.metadata().begin(), r.metadata().end(), r.policy().p(), r.policy().sp(),
          r.records().size(), r.messageCount(), r.origin(),
          r.warnings().isEmpty() ? null : String.join("\n", r.warnings()));
    }
  }
}
