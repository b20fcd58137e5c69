package dev.vigie.cli;

import dev.vigie.store.CheckHistoryStore;
import dev.vigie.store.SelectorSql;
import dev.vigie.store.Store;
import dev.vigie.store.StoreException;
import dev.vigie.store.StoreLocation;
import dev.vigie.check.DomainChecker;
import dev.vigie.check.DomainReport;
import dev.vigie.check.history.ChangeEvent;
import dev.vigie.check.output.DomainReportJson;
import dev.vigie.check.output.DomainReportText;
import dev.vigie.dns.bimi.LogoFetcher;
import dev.vigie.dns.mtasts.HttpsPolicyFetcher;
import dev.vigie.dns.psl.DomainNames;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigie check}: the DNS posture of each domain — DMARC, SPF, DKIM, MX, MTA-STS, TLS-RPT,
 * BIMI, DNSSEC — with findings for the business owner and the technician, and a score. Domains
 * are checked concurrently and printed in the order given.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Check the email-security DNS records of one or more domains.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:no domain has an error finding", "1:some domain has an error finding",
        "2:wrong usage"})
final class CheckCommand implements Callable<Integer> {
  enum Format { text, json }

  @Spec CommandSpec spec;
  private @org.jspecify.annotations.Nullable Store history;
  @Mixin DnsOptions dnsOptions;

  @Option(names = "--format", defaultValue = "text",
      description = "text (a readable report) or json (one object per domain per line). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--selector", paramLabel = "NAME",
      description = "A DKIM selector to check (repeatable); common selectors are tried too.")
  List<String> selectors = new ArrayList<>();

  @Option(names = "--threads", paramLabel = "N", defaultValue = "64",
      description = "Domains checked at once (default ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:VIGIE_DATA}",
      description = "Keep each check in the embedded store in DIR, report what changed since the"
          + " last one, and check the DKIM selectors its reports name (or VIGIE_DATA).")
  Path data;

  @Option(names = "--db", paramLabel = "JDBC_URL", defaultValue = "${env:VIGIE_DB}",
      description = "The same with a PostgreSQL store (or VIGIE_DB).")
  String db;

  @Option(names = "--no-seen-selectors",
      description = "Don't add the DKIM selectors seen in stored reports (last 90 days).")
  boolean noSeenSelectors;

  @Parameters(paramLabel = "DOMAIN", arity = "1..*")
  List<String> domains;

  @Override
  public Integer call() throws Exception {
    for (String d : domains) {
      if (DomainNames.normalise(d) == null) {
        spec.commandLine().getErr().println("vigie: \"" + d + "\" is not a domain name");
        return 2;
      }
    }
    DomainChecker checker = new DomainChecker(dnsOptions.client(), new HttpsPolicyFetcher(),
        LogoFetcher.https(), Clock.systemUTC());
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    history = openHistory(spec.commandLine().getErr());
    java.util.Map<String, List<String>> seen = noSeenSelectors || history == null
        ? java.util.Map.of() : seenSelectors(history);
    boolean errors = false;
    ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(Math.max(1, threads));
    try {
      ArrayDeque<Future<DomainReport>> pending = new ArrayDeque<>();
      for (String d : domains) {
        String domain = DomainNames.normalise(d);
        slots.acquire();
        pending.add(pool.submit(() -> {
          try {
            List<String> all = new ArrayList<>(selectors);
            seen.getOrDefault(domain, List.of()).stream().filter(x -> !all.contains(x))
                .forEach(all::add);
            return checker.check(domain, all);
          } finally {
            slots.release();
          }
        }));
        while (!pending.isEmpty() && pending.peek().isDone()) {
          errors |= print(out, pending.poll());
        }
      }
      while (!pending.isEmpty()) {
        errors |= print(out, pending.poll());
      }
    } finally {
      pool.shutdownNow();
      out.flush();
      if (history != null) {
        history.close();
      }
    }
    return errors ? 1 : 0;
  }

  /**
   * The store that keeps the checks (`--data DIR` or `--db`), or null without one. A store in use
   * by another process (a running `vigie serve`) is skipped with a note: the check itself does
   * not need it.
   */
  private @org.jspecify.annotations.Nullable Store openHistory(java.io.PrintWriter err) {
    if (data == null && db == null) {
      return null;
    }
    try {
      return Store.open(db != null ? StoreLocation.postgres(db) : StoreLocation.embedded(data));
    } catch (StoreException e) {
      err.println("vigie: checks not kept, DKIM selectors from reports not used: "
          + e.getMessage());
      return null;
    }
  }

  /** DKIM selectors that stored reports show signing for each domain (last 90 days). */
  private java.util.Map<String, List<String>> seenSelectors(Store store) {
    java.util.Map<String, List<String>> out = new java.util.HashMap<>();
    for (String d : domains) {
      String domain = DomainNames.normalise(d);
      out.put(domain, SelectorSql.seen(store, domain, 90, 20));
    }
    return out;
  }

  private boolean print(PrintStream out, Future<DomainReport> f) throws Exception {
    DomainReport r;
    try {
      r = f.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().toString(), e.getCause());
    }
    List<ChangeEvent> changes = history == null ? List.of()
        : CheckHistoryStore.record(history.connection(), Store.DEFAULT_TENANT, r,
            DomainReportJson.write(r));
    if (format == Format.json) {
      out.println(DomainReportJson.write(r, changes));
    } else {
      out.print(DomainReportText.write(r, changes));
    }
    return r.hasErrors();
  }
}
