package dev.vigie.store;

import dev.vigie.ingest.IngestResult;
import dev.vigie.ingest.RawSink;
import dev.vigie.ingest.Source;
import dev.vigie.report.Report;
import dev.vigie.report.aggregate.AggregateRecord;
import dev.vigie.report.aggregate.AggregateReport;
import dev.vigie.report.extract.ParseOutcome;
import dev.vigie.report.extract.ReportExtractor;
import dev.vigie.report.failure.FailureReport;
import dev.vigie.report.tlsrpt.TlsReport;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Stores what arrives, in two commits per batch (ADR 0004):
 * <ol>
 *   <li>the raw bytes, compressed and content-addressed — durable before anything is parsed;
 *   <li>everything they hold (reports, records, rollups, duplicates, quarantine) with the raw
 *       message marked processed, in one transaction.
 * </ol>
 * A crash between the two leaves archived-but-unprocessed messages, which {@link #finishPending}
 * completes on the next start; a crash inside the second leaves nothing half-stored. The same bytes
 * again are a no-op; the same report in other bytes is counted once and recorded as a duplicate.
 */
public final class Ingestor implements RawSink {
  private final Store store;
  private final ReportExtractor extractor;
  private final Clock clock;
  private final long tenant = Store.DEFAULT_TENANT;

  public Ingestor(Store store, ReportExtractor extractor, Clock clock) {
    this.store = store;
    this.extractor = extractor;
    this.clock = clock;
  }

  /** One received byte sequence. */
  public record Item(byte[] raw, Source source) {}

  @Override
  public IngestResult ingest(byte[] raw, Source source) {
    return ingestBatch(List.of(new Item(raw, source))).get(0);
  }

  /** Ingests several items with one commit per phase (group commit), results in order. */
  public synchronized List<IngestResult> ingestBatch(List<Item> items) {
    Connection c = store.connection();
    List<String> shas = new ArrayList<>(items.size());
    for (Item i : items) {
      shas.add(sha256(i.raw()));
    }
    try {
      c.setAutoCommit(false);
      Map<String, Boolean> known = ArchiveSql.known(c, tenant, shas);
      List<Integer> toProcess = new ArrayList<>();
      List<String> newShas = new ArrayList<>();
      List<byte[]> newRaws = new ArrayList<>();
      List<Source> newSources = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        Boolean processed = known.get(shas.get(i));
        if (processed == null) {
          newShas.add(shas.get(i));
          newRaws.add(items.get(i).raw());
          newSources.add(items.get(i).source());
          known.put(shas.get(i), false);
          toProcess.add(i);
        } else if (!processed) {
          toProcess.add(i); // archived by an interrupted run: finish it
        }
      }
      ArchiveSql.insertAll(c, store.engine(), tenant, newShas, newRaws, newSources);
      c.commit(); // phase 1: the archive is durable before any parsing
      List<List<ParseOutcome>> parsed = parse(items, toProcess);
      StoreBatch batch = new StoreBatch(c);
      for (int k = 0; k < toProcess.size(); k++) {
        batch.add(shas.get(toProcess.get(k)), parsed.get(k));
      }
      batch.finish();
      c.commit(); // phase 2: reports, records, rollups, duplicates, quarantine, processed mark
      List<IngestResult> results = new ArrayList<>(items.size());
      java.util.Set<String> reported = new java.util.HashSet<>();
      for (int i = 0; i < items.size(); i++) {
        String sha = shas.get(i);
        int[] n = batch.counts.get(sha);
        results.add(n == null || !reported.add(sha) ? new IngestResult(sha, true, 0, 0, 0)
            : new IngestResult(sha, false, n[0], n[1], n[2]));
      }
      return results;
    } catch (SQLException | RuntimeException e) {
      rollback(c);
      throw new StoreException(store.location().describe() + ": could not store the batch: "
          + Store.firstLine(String.valueOf(e.getMessage())), e);
    } finally {
      autoCommit(c);
    }
  }

  /** Processes messages archived but never processed (the process died between the phases). */
  public synchronized int finishPending() {
    try {
      List<String> pending = ArchiveSql.pending(store.connection(), tenant);
      for (String sha : pending) {
        ArchiveSql.Archived a = ArchiveSql.load(store.connection(), tenant, sha);
        ingestBatch(List.of(new Item(a.raw(), a.source())));
      }
      return pending.size();
    } catch (SQLException e) {
      throw new StoreException(store.location().describe() + ": cannot read pending messages: "
          + e.getMessage(), e);
    }
  }

  /**
   * Parses quarantined messages again (after a parser fix): what now parses is stored and its
   * quarantine entries resolved. Returns how many messages yielded reports.
   */
  public synchronized int reprocessQuarantine() {
    Connection c = store.connection();
    try {
      List<String> shas = QuarantineSql.unresolved(c, tenant);
      int recovered = 0;
      for (String sha : shas) {
        ArchiveSql.Archived a = ArchiveSql.load(c, tenant, sha);
        List<ParseOutcome> outcomes = new ArrayList<>();
        extractor.extract(a.source().name(), a.raw(), 0, outcomes::add);
        if (outcomes.stream().noneMatch(o -> o instanceof ParseOutcome.Parsed)) {
          continue;
        }
        try {
          c.setAutoCommit(false);
          ReportSql.resolveQuarantine(c, tenant, sha, now());
          StoreBatch batch = new StoreBatch(c);
          batch.add(sha, outcomes);
          batch.finish();
          c.commit();
          recovered++;
        } catch (SQLException | RuntimeException e) {
          rollback(c);
          throw e;
        } finally {
          autoCommit(c);
        }
      }
      return recovered;
    } catch (SQLException e) {
      throw new StoreException(store.location().describe() + ": reprocessing failed: "
          + e.getMessage(), e);
    }
  }

  private List<List<ParseOutcome>> parse(List<Item> items, List<Integer> idx) {
    // Parsing is pure and thread-safe: spread it over the cores.
    return idx.parallelStream().map(i -> {
      List<ParseOutcome> out = new ArrayList<>();
      extractor.extract(items.get(i).source().name(), items.get(i).raw(), 0, out::add);
      return out;
    }).toList();
  }

  /**
   * Stores the outcomes of one or more messages inside the current transaction: duplicates are
   * found with one query for the whole batch, new aggregate reports and their records are loaded
   * in bulk, rollups merged once, and every message marked processed with one statement.
   */
  private final class StoreBatch {
    private final Connection c;
    private final Router router;
    private final RollupSql rollups = new RollupSql();
    private final LocalDateTime now = now();
    private final List<String> order = new ArrayList<>();
    private final List<AggregateReport> aggregates = new ArrayList<>();
    private final List<String> aggregateShas = new ArrayList<>();
    /** Per message: reports stored, duplicates, quarantined. */
    final Map<String, int[]> counts = new java.util.LinkedHashMap<>();

    StoreBatch(Connection c) throws SQLException {
      this.c = c;
      this.router = Router.load(c, tenant); // also opens the transaction before any Appender
    }

    void add(String sha, List<ParseOutcome> outcomes) throws SQLException {
      if (counts.containsKey(sha)) {
        return; // the same bytes twice in one batch
      }
      int[] n = new int[3];
      counts.put(sha, n);
      order.add(sha);
      for (ParseOutcome o : outcomes) {
        if (o instanceof ParseOutcome.Failed f) {
          ReportSql.quarantine(c, tenant, sha, f.origin(), f.reason(), now);
          n[2]++;
        } else if (((ParseOutcome.Parsed) o).report() instanceof AggregateReport a) {
          aggregates.add(a);
          aggregateShas.add(sha);
        } else if (storeOther(sha, ((ParseOutcome.Parsed) o).report())) {
          n[0]++;
        } else {
          n[1]++;
        }
      }
    }

    /** Failure and TLS reports: few, stored row by row. */
    private boolean storeOther(String sha, Report report) throws SQLException {
      long seq = ReportSql.nextSeq(c);
      if (report instanceof FailureReport f) {
        if (ReportSql.insertFailure(c, tenant, seq, f, router.clientFor(f.reportedDomain()), sha,
            now)) {
          return true;
        }
        ReportSql.duplicate(c, tenant, "failure", ReportSql.failureKey(f), sha, now);
        return false;
      }
      TlsReport t = (TlsReport) report;
      String domain = t.policies().isEmpty() ? null : t.policies().get(0).policyDomain();
      if (ReportSql.insertTls(c, tenant, seq, t, router.clientFor(domain), sha, now)) {
        return true;
      }
      ReportSql.duplicate(c, tenant, "smtp_tls", t.organizationName() + " " + t.reportId(), sha,
          now);
      return false;
    }

    void finish() throws SQLException {
      java.util.Set<String> seen = ReportSql.existingAggregates(c, tenant, aggregates);
      List<Integer> fresh = new ArrayList<>();
      for (int i = 0; i < aggregates.size(); i++) {
        String key = ReportSql.aggregateKey(aggregates.get(i));
        if (seen.add(key)) {
          fresh.add(i);
        } else {
          ReportSql.duplicate(c, tenant, "aggregate", key, aggregateShas.get(i), now);
          counts.get(aggregateShas.get(i))[1]++;
        }
      }
      long[] seqs = ReportSql.nextSeqs(c, store.engine(), fresh.size());
      List<AggregateReport> freshReports = new ArrayList<>(fresh.size());
      List<Long> clients = new ArrayList<>(fresh.size());
      List<String> freshShas = new ArrayList<>(fresh.size());
      for (int i : fresh) {
        freshReports.add(aggregates.get(i));
        clients.add(router.clientFor(aggregates.get(i).policy().domain()));
        freshShas.add(aggregateShas.get(i));
      }
      boolean[] stored;
      if (store.engine() == StoreLocation.Engine.DUCKDB) {
        // One writing process: the duplicate query above is exact, the Appender can't conflict.
        try (org.duckdb.DuckDBAppender reports = DuckBulk.appender(c, "aggregate_report")) {
          for (int k = 0; k < freshReports.size(); k++) {
            DuckBulk.report(reports, tenant, seqs[k], freshReports.get(k), clients.get(k),
                freshShas.get(k), now);
          }
        }
        stored = new boolean[freshReports.size()];
        java.util.Arrays.fill(stored, true);
      } else {
        stored = ReportSql.insertAggregates(c, tenant, seqs, freshReports, clients, freshShas, now);
      }
      List<RecordLoader.Row> rows = new ArrayList<>();
      for (int k = 0; k < freshReports.size(); k++) {
        AggregateReport a = freshReports.get(k);
        String sha = freshShas.get(k);
        if (!stored[k]) {
          ReportSql.duplicate(c, tenant, "aggregate", ReportSql.aggregateKey(a), sha, now);
          counts.get(sha)[1]++;
          continue;
        }
        counts.get(sha)[0]++;
        int n = 0;
        for (AggregateRecord r : a.records()) {
          rows.add(new RecordLoader.Row(tenant, seqs[k], n++, a.policy().domain(), r));
          rollups.add(a.policy().domain(), r);
        }
      }
      RecordLoader.load(c, store.engine(), rows);
      rollups.append(c, tenant, store.engine());
      ArchiveSql.markProcessed(c, tenant, order, now);
    }
  }

  private LocalDateTime now() {
    return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  static String sha256(byte[] raw) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void rollback(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the original error is the one worth reporting
    }
  }

  private static void autoCommit(Connection c) {
    try {
      c.setAutoCommit(true);
    } catch (SQLException ignored) {
      // next use will tell
    }
  }
}
