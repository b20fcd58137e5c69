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
      for (int i = 0; i < items.size(); i++) {
        Boolean processed = known.get(shas.get(i));
        if (processed == null) {
          ArchiveSql.insert(c, tenant, shas.get(i), items.get(i).raw(), items.get(i).source());
          known.put(shas.get(i), false);
          toProcess.add(i);
        } else if (!processed) {
          toProcess.add(i);
        }
      }
      c.commit(); // phase 1: the archive is durable before any parsing
      List<List<ParseOutcome>> parsed = parse(items, shas, toProcess);
      IngestResult[] results = new IngestResult[items.size()];
      for (int i = 0; i < items.size(); i++) {
        results[i] = new IngestResult(shas.get(i), true, 0, 0, 0);
      }
      StoreBatch batch = new StoreBatch(c);
      for (int k = 0; k < toProcess.size(); k++) {
        int i = toProcess.get(k);
        if (batch.processed.contains(shas.get(i))) {
          continue; // the same bytes twice in one batch
        }
        results[i] = batch.store(shas.get(i), parsed.get(k));
      }
      batch.finish();
      c.commit(); // phase 2: reports, records, rollups, duplicates, quarantine, processed mark
      return List.of(results);
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
          batch.store(sha, outcomes);
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

  private List<List<ParseOutcome>> parse(List<Item> items, List<String> shas, List<Integer> idx) {
    // Parsing is pure and thread-safe: spread it over the cores.
    return idx.parallelStream().map(i -> {
      List<ParseOutcome> out = new ArrayList<>();
      extractor.extract(items.get(i).source().name(), items.get(i).raw(), 0, out::add);
      return out;
    }).toList();
  }

  /** Stores the outcomes of one or more messages inside the current transaction. */
  private final class StoreBatch {
    private final Connection c;
    private final Router router;
    private final RollupSql rollups = new RollupSql();
    private final List<RecordLoader.Row> rows = new ArrayList<>();
    private final LocalDateTime now = now();
    final java.util.Set<String> processed = new java.util.HashSet<>();

    StoreBatch(Connection c) throws SQLException {
      this.c = c;
      this.router = Router.load(c, tenant);
    }

    IngestResult store(String sha, List<ParseOutcome> outcomes) throws SQLException {
      int reports = 0;
      int duplicates = 0;
      int quarantined = 0;
      for (ParseOutcome o : outcomes) {
        if (o instanceof ParseOutcome.Failed f) {
          ReportSql.quarantine(c, tenant, sha, f.origin(), f.reason(), now);
          quarantined++;
        } else if (o instanceof ParseOutcome.Parsed p) {
          if (store(sha, p.report())) {
            reports++;
          } else {
            duplicates++;
          }
        }
      }
      ArchiveSql.markProcessed(c, tenant, sha, now);
      processed.add(sha);
      return new IngestResult(sha, false, reports, duplicates, quarantined);
    }

    private boolean store(String sha, Report report) throws SQLException {
      long seq = ReportSql.nextSeq(c);
      if (report instanceof AggregateReport a) {
        String domain = a.policy().domain();
        if (!ReportSql.insertAggregate(c, tenant, seq, a, router.clientFor(domain), sha, now)) {
          ReportSql.duplicate(c, tenant, "aggregate", ReportSql.aggregateKey(a), sha, now);
          return false;
        }
        int n = 0;
        for (AggregateRecord r : a.records()) {
          rows.add(new RecordLoader.Row(tenant, seq, n++, domain, r));
          rollups.add(domain, r);
        }
        return true;
      }
      if (report instanceof FailureReport f) {
        if (!ReportSql.insertFailure(c, tenant, seq, f, router.clientFor(f.reportedDomain()), sha,
            now)) {
          ReportSql.duplicate(c, tenant, "failure", ReportSql.failureKey(f), sha, now);
          return false;
        }
        return true;
      }
      TlsReport t = (TlsReport) report;
      String domain = t.policies().isEmpty() ? null : t.policies().get(0).policyDomain();
      if (!ReportSql.insertTls(c, tenant, seq, t, router.clientFor(domain), sha, now)) {
        ReportSql.duplicate(c, tenant, "smtp_tls", t.organizationName() + " " + t.reportId(), sha,
            now);
        return false;
      }
      return true;
    }

    void finish() throws SQLException {
      RecordLoader.load(c, store.engine(), rows);
      rows.clear();
      rollups.merge(c, tenant);
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
