package dev.vigie.store;

import dev.vigie.dns.psl.MemoizedOrganizationalDomains;
import dev.vigie.dns.psl.OrganizationalDomains;
import dev.vigie.dns.psl.PublicSuffixes;
import dev.vigie.enrich.EnrichOptions;
import dev.vigie.enrich.IpDatabase;
import dev.vigie.enrich.SenderCatalogue;
import dev.vigie.enrich.SourceClassifier;
import dev.vigie.enrich.SourceEnricher;
import dev.vigie.ingest.IngestResult;
import dev.vigie.ingest.RawSink;
import dev.vigie.ingest.Source;
import dev.vigie.report.aggregate.AggregateReport;
import dev.vigie.report.extract.ParseOutcome;
import dev.vigie.report.extract.ReportExtractor;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

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
 *
 * <p>Only the calling thread talks to the database. Reading, hashing and compressing, then
 * parsing, enriching, classifying and rendering rows for the bulk loaders run on worker threads;
 * {@link #ingestAll} overlaps them with the writes (batch n+1 is archived and parsed while batch n
 * is stored), which keeps the order above for every batch.
 */
public final class Ingestor implements RawSink {
  private final Store store;
  private final ReportExtractor extractor;
  private final Clock clock;
  private final long tenant;
  private final AggregateStager stager;
  private final ExecutorService workers;

  /** Offline enrichment: the bundled sender catalogue, no DNS, no IP database. */
  public Ingestor(Store store, ReportExtractor extractor, Clock clock) {
    this(store, extractor, clock, new SourceEnricher(EnrichOptions.offline(), null,
        IpDatabase.none(), SenderCatalogue.bundled(), PublicSuffixes.bundled()));
  }

  public Ingestor(Store store, ReportExtractor extractor, Clock clock, SourceEnricher enricher) {
    this(store, extractor, clock, enricher, Store.DEFAULT_TENANT);
  }

  /**
   * Stores into {@code tenant}: its clients' domains route the reports. Ingestors of several
   * tenants may share a store; their writes take turns ({@link Store#writeLock()}).
   */
  public Ingestor(Store store, ReportExtractor extractor, Clock clock, SourceEnricher enricher,
      long tenant) {
    this.store = store;
    this.tenant = tenant;
    this.extractor = extractor;
    this.clock = clock;
    OrganizationalDomains orgDomains =
        new MemoizedOrganizationalDomains(PublicSuffixes.bundled(), 100_000);
    this.stager = new AggregateStager(tenant, enricher,
        new SourceClassifier(SenderCatalogue.bundled(), orgDomains), orgDomains,
        store.engine() == StoreLocation.Engine.POSTGRESQL);
    AtomicInteger n = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
      Thread t = new Thread(r, "vigie-ingest-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** One received byte sequence. */
  public record Item(byte[] raw, Source source) {}

  /** Reads one item when a worker gets to it; its IOException message names the input. */
  @FunctionalInterface
  public interface ItemReader {
    Item read() throws IOException;
  }

  /** What {@link #ingestAll} did. */
  public record Totals(long messages, long reports, long duplicates, long quarantined,
      long alreadyStored, long unreadable, long records) {}

  @Override
  public IngestResult ingest(byte[] raw, Source source) {
    return ingestBatch(List.of(new Item(raw, source))).get(0);
  }

  /** Ingests several items with one commit per phase (group commit), results in order. */
  public List<IngestResult> ingestBatch(List<Item> items) {
    List<Loaded> loaded = new ArrayList<>(items.size());
    for (Item i : items) {
      loaded.add(Loaded.of(i)); // hashing and compressing need no lock
    }
    synchronized (store.writeLock()) {
      return store(stage(archive(loaded, new HashSet<>())));
    }
  }

  /**
   * Ingests many items, pipelined: while this thread stores one batch, workers read and hash the
   * next ones and parse the batch archived just before. Unreadable items are reported to {@code
   * problems} and skipped.
   */
  public Totals ingestAll(Iterator<ItemReader> readers, int batchSize, long batchBytes,
      Consumer<String> problems) {
    synchronized (store.writeLock()) {
      return pipeline(readers, batchSize, batchBytes, problems);
    }
  }

  private Totals pipeline(Iterator<ItemReader> readers, int batchSize, long batchBytes,
      Consumer<String> problems) {
    ArrayDeque<Future<Loaded>> ahead = new ArrayDeque<>();
    long[] t = new long[7];
    StagedBatch previous = null;
    // Digests parsed but not yet committed as processed: batch n+1 is archived before batch n is
    // stored, and a copy of the same bytes there must not be parsed a second time.
    Set<String> inFlight = new HashSet<>();
    // The first batches are small, then double: nothing is stored until one batch is read,
    // archived and parsed (the first store began 0.22 s in with 1,000 files, 0.08-0.1 s with 64)
    int size = Math.min(batchSize, 64);
    try {
      while (true) {
        while (ahead.size() < 2 * batchSize && readers.hasNext()) {
          ItemReader r = readers.next();
          ahead.add(workers.submit(() -> Loaded.of(r.read())));
        }
        List<Loaded> batch = new ArrayList<>(size);
        long bytes = 0;
        while (!ahead.isEmpty() && batch.size() < size && bytes < batchBytes) {
          try {
            Loaded l = ahead.poll().get();
            batch.add(l);
            bytes += l.item().raw().length;
          } catch (ExecutionException e) {
            t[5]++;
            problems.accept(e.getCause() instanceof IOException io ? io.getMessage()
                : String.valueOf(e.getCause()));
          }
        }
        if (batch.isEmpty() && ahead.isEmpty() && !readers.hasNext()) {
          break;
        }
        if (batch.isEmpty()) {
          continue;
        }
        size = Math.min(batchSize, 2 * size);
        StagedBatch current = stage(archive(batch, inFlight));
        if (previous != null) {
          tally(t, store(previous));
          inFlight.removeAll(previous.shas()); // committed: later archives see them processed
        }
        previous = current;
      }
      if (previous != null) {
        tally(t, store(previous));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("ingestion interrupted", e);
    } finally {
      ahead.forEach(f -> f.cancel(true));
    }
    return new Totals(t[0], t[1], t[2], t[3], t[4], t[5], t[6]);
  }

  private static void tally(long[] t, List<IngestResult> results) {
    for (IngestResult r : results) {
      t[0]++;
      t[1] += r.reports();
      t[2] += r.duplicates();
      t[3] += r.quarantined();
      t[4] += r.alreadyArchived() ? 1 : 0;
      t[6] += r.records();
    }
  }

  /** Processes messages archived but never processed (the process died between the phases). */
  public int finishPending() {
    synchronized (store.writeLock()) {
      try {
        List<String> pending = ArchiveSql.pending(store.connection(), tenant);
        for (int from = 0; from < pending.size(); from += 500) {
          List<Loaded> batch = new ArrayList<>();
          for (String sha : pending.subList(from, Math.min(pending.size(), from + 500))) {
            ArchiveSql.Archived a = ArchiveSql.load(store.connection(), tenant, sha);
            batch.add(Loaded.of(new Item(a.raw(), a.source())));
          }
          store(stage(archive(batch, new HashSet<>())));
        }
        return pending.size();
      } catch (SQLException e) {
        throw new StoreException(store.location().describe() + ": cannot read pending messages: "
            + e.getMessage(), e);
      }
    }
  }

  /**
   * Parses quarantined messages again (after a parser fix): what now parses is stored and its
   * quarantine entries resolved. Returns how many messages yielded reports.
   */
  public int reprocessQuarantine() {
    synchronized (store.writeLock()) {
      Connection c = store.connection();
      try {
        List<String> shas = QuarantineSql.unresolved(c, tenant);
        int recovered = 0;
        for (String sha : shas) {
          ArchiveSql.Archived a = ArchiveSql.load(c, tenant, sha);
          StagedMessage m = stageMessage(sha, a.source().name(), a.raw());
          if (m.aggregates().isEmpty()
              && m.others().stream().noneMatch(o -> o instanceof ParseOutcome.Parsed)) {
            continue;
          }
          try {
            c.setAutoCommit(false);
            ReportSql.resolveQuarantine(c, tenant, sha, now());
            new BatchWriter(c, store, tenant, now()).write(List.of(m), false);
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
  }

  /** An item with its digest and the bytes the archive keeps (compressed unless it was). */
  private record Loaded(Item item, String sha, byte[] archived, boolean gzipped) {
    static Loaded of(Item i) {
      boolean compressed = ArchiveSql.alreadyCompressed(i.raw());
      return new Loaded(i, sha256(i.raw()), compressed ? i.raw() : ArchiveSql.gzip(i.raw()),
          !compressed);
    }
  }

  /** Phase 1 done: which items to parse (first copy of each sha not yet processed). */
  private record Archived(List<Loaded> items, List<Integer> toProcess) {}

  /**
   * Phase 1. {@code taken}: digests already on their way to being processed (by this batch or
   * one not yet stored), whose copies are left alone; each one taken here is added.
   */
  private Archived archive(List<Loaded> items, Set<String> taken) {
    Connection c = store.connection();
    try {
      c.setAutoCommit(false);
      Map<String, Boolean> known = ArchiveSql.known(c, store.engine(), tenant,
          items.stream().map(Loaded::sha).toList());
      List<Integer> toProcess = new ArrayList<>();
      List<Loaded> fresh = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        Loaded l = items.get(i);
        Boolean processed = known.get(l.sha());
        if (processed == null && taken.add(l.sha())) {
          fresh.add(l);
          toProcess.add(i);
        } else if (Boolean.FALSE.equals(processed) && taken.add(l.sha())) {
          toProcess.add(i); // archived by an interrupted run: finish it
        }
      }
      ArchiveSql.insertAll(c, store.engine(), tenant, fresh.stream().map(Loaded::sha).toList(),
          fresh.stream().map(Loaded::archived).toList(),
          fresh.stream().map(l -> l.gzipped() ? "gzip" : "identity").toList(),
          fresh.stream().map(l -> (long) l.item().raw().length).toList(),
          fresh.stream().map(l -> l.item().source()).toList());
      c.commit(); // phase 1: the archive is durable before any parsing
      return new Archived(items, toProcess);
    } catch (SQLException | RuntimeException e) {
      rollback(c);
      throw new StoreException(store.location().describe() + ": could not archive the batch: "
          + Store.firstLine(String.valueOf(e.getMessage())), e);
    } finally {
      autoCommit(c);
    }
  }


  private record StagedBatch(Archived archived, List<Future<StagedMessage>> messages) {
    List<String> shas() {
      return archived.toProcess().stream().map(i -> archived.items().get(i).sha()).toList();
    }
  }

  private StagedBatch stage(Archived a) {
    List<Future<StagedMessage>> futures = new ArrayList<>(a.toProcess().size());
    for (int i : a.toProcess()) {
      Loaded l = a.items().get(i);
      futures.add(workers.submit(() -> stageMessage(l.sha(), l.item().source().name(),
          l.item().raw())));
    }
    return new StagedBatch(a, futures);
  }

  private StagedMessage stageMessage(String sha, String origin, byte[] raw) {
    List<ParseOutcome> others = new ArrayList<>();
    List<StagedAggregate> aggregates = new ArrayList<>();
    LocalDateTime now = now();
    extractor.extract(origin, raw, 0, o -> {
      if (o instanceof ParseOutcome.Parsed p && p.report() instanceof AggregateReport a) {
        aggregates.add(stager.stage(a, sha, now));
      } else {
        others.add(o);
      }
    });
    return new StagedMessage(sha, others, aggregates);
  }

  /** Phase 2: one transaction for everything the batch's messages hold. */
  private List<IngestResult> store(StagedBatch s) {
    List<StagedMessage> messages = new ArrayList<>(s.messages().size());
    try {
      for (Future<StagedMessage> f : s.messages()) {
        messages.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("ingestion interrupted", e);
    } catch (ExecutionException e) {
      throw new StoreException(store.location().describe() + ": could not prepare the batch: "
          + e.getCause(), e.getCause());
    }
    Connection c = store.connection();
    Map<String, int[]> counts;
    try {
      c.setAutoCommit(false);
      counts = new BatchWriter(c, store, tenant, now()).write(messages, true);
      c.commit(); // phase 2: reports, records, rollups, duplicates, quarantine, processed mark
    } catch (SQLException | RuntimeException e) {
      rollback(c);
      throw new StoreException(store.location().describe() + ": could not store the batch: "
          + Store.firstLine(String.valueOf(e.getMessage())), e);
    } finally {
      autoCommit(c);
    }
    List<IngestResult> results = new ArrayList<>(s.archived().items().size());
    Set<String> reported = new HashSet<>();
    for (Loaded l : s.archived().items()) {
      int[] n = counts.get(l.sha());
      results.add(n == null || !reported.add(l.sha()) ? new IngestResult(l.sha(), true, 0, 0, 0)
          : new IngestResult(l.sha(), false, n[0], n[1], n[2], n[3]));
    }
    return results;
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
