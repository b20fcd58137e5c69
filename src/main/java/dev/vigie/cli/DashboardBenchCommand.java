package dev.vigie.cli;

import dev.vigie.road.Insights;
import dev.vigie.road.Period;
import dev.vigie.store.ReadPool;
import dev.vigie.store.Store;
import dev.vigie.store.StoreLocation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigie bench-dashboard}: the MSP overview and domain page queries ({@link Insights}) on a
 * big generated embedded store, under concurrent callers. The store is filled with SQL ({@code
 * INSERT … SELECT … FROM range(n)}): rollup rows and report headers as {@code --records} records
 * would leave them. The records table itself is not filled: these pages never read it.
 */
@Command(name = "bench-dashboard", mixinStandardHelpOptions = true,
    description = "Measure the overview and domain page queries on a big generated store.")
final class DashboardBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", paramLabel = "DIR", description = "Store folder (default: a new"
      + " temporary one, generated; an existing one is reused as it is).")
  Path data;

  @Option(names = "--records", defaultValue = "50000000",
      description = "Records the store stands for (default ${DEFAULT-VALUE}).")
  long records;

  @Option(names = "--rollup-per-record", defaultValue = "1.0", description = "Rollup rows per"
      + " record: 1.0 is the worst case, no two records merged (default ${DEFAULT-VALUE}).")
  double rollupPerRecord;

  @Option(names = "--records-per-report", defaultValue = "20")
  int recordsPerReport;

  @Option(names = "--domains", defaultValue = "3000")
  int domains;

  @Option(names = "--clients", defaultValue = "600")
  int clients;

  @Option(names = "--days", defaultValue = "365", description = "Days of history.")
  int days;

  @Option(names = "--users", defaultValue = "50", description = "Concurrent callers.")
  int users;

  @Option(names = "--connections", defaultValue = "2", description = "Read connections.")
  int connections;

  @Option(names = "--seconds", defaultValue = "20")
  int seconds;

  @Option(names = "--cache-seconds", defaultValue = "0", description = "Keep answers this long"
      + " (Insights.cached), as the web app does; 0 measures every query (default ${DEFAULT-VALUE}).")
  int cacheSeconds;

  @Option(names = "--domain-pool", defaultValue = "0", description = "Domain pages pick among"
      + " this many domains (the ones technicians are looking at); 0: all of them.")
  int domainPool;

  @Option(names = "--fill-records", description = "Also write the records themselves (the"
      + " pages never read them; the store then weighs what a real one would).")
  boolean fillRecords;

  @Option(names = "--generate-only", description = "Make the store and stop (for a load test"
      + " against `vigie serve`, e.g. bench/web-bench.sh).")
  boolean generateOnly;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    boolean generate = data == null || !Files.exists(data.resolve("vigie.duckdb"));
    Path dir = data != null ? data : Files.createTempDirectory("vigie-bench");
    Clock clock = Clock.systemUTC();
    try (Store store = Store.open(StoreLocation.embedded(dir))) {
      if (generate) {
        long t0 = System.nanoTime();
        generate(store, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        out.printf("generated in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, dir);
        out.flush();
      }
      if (generateOnly) {
        return 0;
      }
      try (ReadPool pool = ReadPool.open(store, connections)) {
        Insights base = Insights.of(pool, clock);
        Insights insights = cacheSeconds > 0
            ? base.cached(java.time.Duration.ofSeconds(cacheSeconds)) : base;
        int pick = domainPool > 0 ? Math.min(domainPool, domains) : domains;
        Period month = insights.window();
        run(out, "overview", () -> insights.overview(Store.DEFAULT_TENANT));
        run(out, "domain page", () -> insights.domain(Store.DEFAULT_TENANT,
            "d" + ThreadLocalRandom.current().nextInt(pick) + ".example", month).orElseThrow());
        run(out, "mixed 1:1", () -> {
          if (ThreadLocalRandom.current().nextBoolean()) {
            insights.overview(Store.DEFAULT_TENANT);
          } else {
            insights.domain(Store.DEFAULT_TENANT,
                "d" + ThreadLocalRandom.current().nextInt(pick) + ".example", month);
          }
        });
      }
    }
    return 0;
  }

  private void generate(Store store, LocalDate today) throws Exception {
    long rollups = Math.round(records * rollupPerRecord);
    long reports = records / recordsPerReport;
    LocalDate first = today.minusDays(days);
    try (Statement s = store.connection().createStatement()) {
      s.execute("INSERT INTO client_org SELECT 1, i, 'Client ' || i, now() FROM range(" + clients
          + ") t(i)");
      s.execute("INSERT INTO client_domain SELECT 1, 'd' || i || '.example', i % " + clients
          + ", now() FROM range(" + domains + ") t(i)");
      // Rows arrive in date order, as ingestion appends them; each domain has ~50 source IPs.
      s.execute("INSERT INTO daily_rollup SELECT 1, 'd' || (i % " + domains + ") || '.example',"
          + " DATE '" + first + "' + CAST(i * " + days + " // " + rollups + " AS INTEGER),"
          + " '10.' || (i % 50) || '.' || (i % " + domains + " % 250) || '.1',"
          + " CASE WHEN i % 97 = 0 THEN 'quarantine' WHEN i % 89 = 0 THEN 'reject' ELSE 'none' END,"
          + " CASE WHEN i % 5 = 0 THEN 'fail' ELSE 'pass' END,"
          + " CASE WHEN i % 7 = 0 THEN 'fail' ELSE 'pass' END, 1 + i % 40,"
          + " CASE i % 6 WHEN 0 THEN 'google' WHEN 1 THEN 'microsoft365' WHEN 2 THEN 'sendgrid'"
          + " WHEN 3 THEN 'mailchimp' ELSE NULL END,"
          + " CASE WHEN i % 5 <> 0 OR i % 7 <> 0 THEN 'AUTHORISED_PASSING' WHEN i % 6 = 2"
          + " THEN 'AUTHORISED_FAILING' WHEN i % 6 = 0 THEN 'FORWARDED'"
          + " ELSE 'UNKNOWN_OR_IMPOSTOR' END FROM range(" + rollups + ") t(i)");
      // domain_day as ingestion leaves it: deltas, several per domain, day and class (one per
      // stored batch that touched them; eight here)
      s.execute("INSERT INTO domain_day SELECT tenant_id, domain_name, rollup_date, source_class,"
          + " sum(message_total), sum(CASE WHEN dkim_eval = 'pass' OR spf_eval = 'pass'"
          + " THEN message_total ELSE 0 END) FROM daily_rollup GROUP BY tenant_id, domain_name,"
          + " rollup_date, source_class, hash(source_ip) % 8");
      s.execute("INSERT INTO aggregate_report (tenant_id, report_seq, org_name, report_id,"
          + " policy_domain, client_id, begin_at, end_at, policy_p, policy_sp, record_total,"
          + " message_total, raw_sha256, origin, warnings, stored_at)"
          + " SELECT 1, i, CASE i % 3 WHEN 0 THEN 'google.com' WHEN 1 THEN 'Enterprise Outlook'"
          + " ELSE 'Yahoo' END, 'r' || i, 'd' || (i % " + domains + ") || '.example',"
          + " (i % " + domains + ") % " + clients + ", b, b + INTERVAL 86399 SECOND,"
          + " CASE (i % " + domains + ") % 4 WHEN 0 THEN 'none' WHEN 1 THEN 'quarantine'"
          + " WHEN 2 THEN 'reject' ELSE 'none' END, NULL, " + recordsPerReport + ", 100,"
          + " 'sha' || i, 'bench', NULL, b + INTERVAL 1 DAY"
          + " FROM (SELECT i, CAST(DATE '" + first + "' + CAST(i * " + days + " // " + reports
          + " AS INTEGER) AS TIMESTAMP) AS b FROM range(" + reports + ") t(i))");
      if (fillRecords) {
        // one row per record, in report order, as ingestion leaves them
        s.execute("INSERT INTO aggregate_record SELECT 1, i // " + recordsPerReport + ", i % "
            + recordsPerReport + ", 'd' || (i // " + recordsPerReport + " % " + domains
            + ") || '.example', '10.' || (i % 50) || '.' || (i % 250) || '.1', 1 + i % 40,"
            + " 'none', CASE WHEN i % 5 = 0 THEN 'fail' ELSE 'pass' END,"
            + " CASE WHEN i % 7 = 0 THEN 'fail' ELSE 'pass' END, i % 35 <> 0,"
            + " 'd' || (i // " + recordsPerReport + " % " + domains + ") || '.example', NULL, NULL,"
            + " 'd' || (i // " + recordsPerReport + " % " + domains + ") || '.example', 's1',"
            + " 'pass', 'mail.example', 'pass', b, b + INTERVAL 86399 SECOND,"
            + " CASE i % 6 WHEN 0 THEN 'google' WHEN 1 THEN 'microsoft365' ELSE NULL END,"
            + " 'AUTHORISED_PASSING', 'DMARC_PASS', NULL, NULL, NULL FROM (SELECT i, CAST(DATE '"
            + first + "' + CAST(i * " + days + " // " + records + " AS INTEGER) AS TIMESTAMP)"
            + " AS b FROM range(" + records + ") t(i))");
      }
      s.execute("CHECKPOINT");
    }
  }

  private void run(PrintWriter out, String name, Runnable call) throws Exception {
    for (int i = 0; i < 20; i++) {
      call.run(); // warm-up
    }
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean stop = new AtomicBoolean();
    // Platform threads: DuckDB's native calls pin virtual threads to their carriers, which would
    // hide the time callers spend waiting to run.
    try (ExecutorService pool = Executors.newFixedThreadPool(users)) {
      for (int u = 0; u < users; u++) {
        pool.submit(() -> {
          while (!stop.get()) {
            long t = System.nanoTime();
            call.run();
            latencies.add(System.nanoTime() - t);
          }
        });
      }
      Thread.sleep(seconds * 1000L);
      stop.set(true);
    }
    List<Long> l = new ArrayList<>(latencies);
    Collections.sort(l);
    out.printf("%-12s %d users: %6d calls, %6.1f/s, p50 %6.1f ms, p95 %6.1f ms, p99 %6.1f ms%n",
        name, users, l.size(), l.size() / (double) seconds, pct(l, 0.50), pct(l, 0.95),
        pct(l, 0.99));
    out.flush();
  }

  private static double pct(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
  }
}
