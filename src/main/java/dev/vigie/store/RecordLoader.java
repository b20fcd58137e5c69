package dev.vigie.store;

import dev.vigie.report.aggregate.AggregateRecord;
import dev.vigie.store.StoreLocation.Engine;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.postgresql.PGConnection;

/**
 * Bulk-loads aggregate records in the current transaction: DuckDB's Appender (JDBC batches are
 * emulated row by row there), PostgreSQL's COPY.
 */
final class RecordLoader {
  /** A record with where it belongs. */
  record Row(long tenant, long reportSeq, int recordNo, String policyDomain, AggregateRecord r) {}

  private static final String COLUMNS = "tenant_id, report_seq, record_no, policy_domain,"
      + " source_ip, message_count, disposition, dkim_eval, spf_eval, dmarc_pass, header_from,"
      + " envelope_from, envelope_to, dkim_domains, dkim_selectors, dkim_results, spf_domains,"
      + " spf_results, interval_begin, interval_end";

  private RecordLoader() {}

  static void load(Connection c, Engine engine, List<Row> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    if (engine == Engine.DUCKDB) {
      duckdb(c, rows);
    } else {
      postgres(c, rows);
    }
  }

  private static void duckdb(Connection c, List<Row> rows) throws SQLException {
    try (DuckDBAppender a = c.unwrap(DuckDBConnection.class).createAppender(
        DuckDBConnection.DEFAULT_SCHEMA, "aggregate_record")) {
      for (Row row : rows) {
        AggregateRecord r = row.r();
        a.beginRow();
        a.append(row.tenant()).append(row.reportSeq()).append(row.recordNo())
            .append(row.policyDomain()).append(r.sourceIp()).append(r.count())
            .append(r.disposition()).append(r.dkimEvaluated()).append(r.spfEvaluated())
            .append(r.dmarcPass()).append(r.headerFrom());
        DuckBulk.nullable(a, r.envelopeFrom());
        DuckBulk.nullable(a, r.envelopeTo());
        a.append(dkimDomains(r)).append(dkimSelectors(r)).append(dkimResults(r))
            .append(spfDomains(r)).append(spfResults(r))
            .append(LocalDateTime.ofInstant(r.intervalBegin(), ZoneOffset.UTC))
            .append(LocalDateTime.ofInstant(r.intervalEnd(), ZoneOffset.UTC));
        a.endRow();
      }
    }
  }

  private static void postgres(Connection c, List<Row> rows) throws SQLException {
    StringBuilder text = new StringBuilder(rows.size() * 200);
    for (Row row : rows) {
      AggregateRecord r = row.r();
      List<String> f = new ArrayList<>(20);
      f.add(Long.toString(row.tenant()));
      f.add(Long.toString(row.reportSeq()));
      f.add(Integer.toString(row.recordNo()));
      f.add(row.policyDomain());
      f.add(r.sourceIp());
      f.add(Long.toString(r.count()));
      f.add(r.disposition());
      f.add(r.dkimEvaluated());
      f.add(r.spfEvaluated());
      f.add(Boolean.toString(r.dmarcPass()));
      f.add(r.headerFrom());
      f.add(r.envelopeFrom());
      f.add(r.envelopeTo());
      f.add(dkimDomains(r));
      f.add(dkimSelectors(r));
      f.add(dkimResults(r));
      f.add(spfDomains(r));
      f.add(spfResults(r));
      f.add(LocalDateTime.ofInstant(r.intervalBegin(), ZoneOffset.UTC).toString());
      f.add(LocalDateTime.ofInstant(r.intervalEnd(), ZoneOffset.UTC).toString());
      for (int i = 0; i < f.size(); i++) {
        if (i > 0) {
          text.append('\t');
        }
        copyField(text, f.get(i));
      }
      text.append('\n');
    }
    try {
      c.unwrap(PGConnection.class).getCopyAPI().copyIn(
          "COPY aggregate_record (" + COLUMNS + ") FROM STDIN", new StringReader(text.toString()));
    } catch (IOException e) {
      throw new SQLException("COPY of aggregate records failed: " + e.getMessage(), e);
    }
  }

  /** PostgreSQL COPY text format: backslash escapes, \N for null. */
  private static void copyField(StringBuilder b, String v) {
    if (v == null) {
      b.append("\\N");
      return;
    }
    for (int i = 0; i < v.length(); i++) {
      char ch = v.charAt(i);
      switch (ch) {
        case '\\' -> b.append("\\\\");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> b.append(ch);
      }
    }
  }

  static String dkimDomains(AggregateRecord r) {
    return String.join("|", r.dkim().stream().map(AggregateRecord.DkimResult::domain).toList());
  }

  static String dkimSelectors(AggregateRecord r) {
    return String.join("|", r.dkim().stream().map(AggregateRecord.DkimResult::selector).toList());
  }

  static String dkimResults(AggregateRecord r) {
    return String.join("|", r.dkim().stream().map(AggregateRecord.DkimResult::result).toList());
  }

  static String spfDomains(AggregateRecord r) {
    return String.join("|", r.spf().stream().map(AggregateRecord.SpfResult::domain).toList());
  }

  static String spfResults(AggregateRecord r) {
    return String.join("|", r.spf().stream().map(AggregateRecord.SpfResult::result).toList());
  }
}
