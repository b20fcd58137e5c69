package dev.vigie.cli;

import dev.vigie.check.DomainChecker;
import dev.vigie.demo.DemoData;
import dev.vigie.store.DirectorySql;
import dev.vigie.dns.bimi.LogoFetcher;
import dev.vigie.dns.mtasts.HttpsPolicyFetcher;
import dev.vigie.dns.resolver.DnsjavaClient;
import dev.vigie.store.Store;
import dev.vigie.web.WebApp;
import dev.vigie.web.WebSettings;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigie serve}: the web app and its REST API over one store, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Run the web app and REST API (http://HOST:PORT/, API at /api/v1, OpenAPI at"
        + " /api/openapi.json).",
        "First run: open the one-time setup link printed here, or set VIGIE_ADMIN_EMAIL and"
            + " VIGIE_ADMIN_PASSWORD.",
        "With --smtp-port and/or --imap-host it also receives reports by mail, as vigie receive"
            + " does, into the default tenant."})
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;
  @Mixin LimitOptions limitOptions;
  @Mixin DnsOptions dnsOptions;
  @Mixin ReceiverOptions receiverOptions;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
      description = "Port to listen on (default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to listen on (default ${DEFAULT-VALUE}; put a TLS reverse proxy in"
          + " front, or use 0.0.0.0 on a trusted network).")
  String host;

  @Option(names = "--public-url", paramLabel = "URL", defaultValue = "${env:VIGIE_PUBLIC_URL}",
      description = "Address people use to reach Vigie, for setup and invitation links"
          + " (or VIGIE_PUBLIC_URL; default http://HOST:PORT).")
  String publicUrl;

  @Option(names = "--secure-cookies",
      description = "Mark cookies Secure (__Host- prefix): when Vigie is reached over HTTPS."
          + " Implied by an https:// --public-url.")
  boolean secureCookies;

  @Option(names = "--report-address", paramLabel = "EMAIL",
      defaultValue = "${env:VIGIE_REPORT_ADDRESS}",
      description = "The MSP's aggregate-report mailbox used in generated DMARC records (or"
          + " VIGIE_REPORT_ADDRESS); admins can set their own in Settings.")
  String reportAddress;

  @Option(names = "--demo", description = "Load the demo MSP (clients, domains, months of"
      + " reports) into the store first when it is empty.")
  boolean demo;

  @Option(names = "--forget-unreadable-totp", description = "After losing the server key"
      + " (VIGIE_SECRET_KEY or DATA/secret.key): clear the TOTP secrets it cannot open, so that"
      + " those users enrol again (recorded in the audit log).")
  boolean forgetUnreadableTotp;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    String problem = receiverOptions.problem();
    if (problem != null) {
      err.println("vigie: " + problem);
      return 2;
    }
    String url = publicUrl != null ? publicUrl : "http://" + host + ":" + port;
    boolean secure = secureCookies || url.startsWith("https://");
    String address = reportAddress != null ? reportAddress
        : demo ? DemoData.REPORT_ADDRESS : null;
    WebSettings settings = new WebSettings(host, port, url, secure, address,
        limitOptions.toLimits());
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    // On SIGTERM: stop the receivers (each finishes the message in hand), then the web server,
    // then close the store, before the JVM halts.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stop.countDown();
      try {
        done.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
    try (Store store = storeOptions.open()) {
      if (demo && DirectorySql.clients(store).isEmpty()) {
        DemoData.Loaded l = DemoData.load(store, Clock.systemUTC());
        err.printf("vigie: demo MSP loaded: %d clients, %d domains, %d aggregate reports%n",
            l.clients(), l.domains(), l.aggregateReports());
      }
      DnsjavaClient dns = dnsOptions.client();
      DomainChecker checker = new DomainChecker(dns, new HttpsPolicyFetcher(), LogoFetcher.https(),
          Clock.systemUTC());
      try (WebApp app = new WebApp(store, settings, Clock.systemUTC(), dns, checker)) {
        if (demo) {
          app.publishedFallback(DemoData.publishedRecords());
        }
        int actual = app.forgetUnreadableTotp(forgetUnreadableTotp).start();
        err.println("vigie: serving " + store.location().describe() + " at http://" + host + ":"
            + actual + "/");
        err.flush();
        app.firstRun(Store.DEFAULT_TENANT, System.getenv("VIGIE_ADMIN_EMAIL"),
            System.getenv("VIGIE_ADMIN_PASSWORD"), new java.io.PrintStream(System.err, true));
        if (receiverOptions.any()) {
          int finished = app.ingestor(Store.DEFAULT_TENANT).finishPending();
          if (finished > 0) {
            app.invalidate(Store.DEFAULT_TENANT);
            err.println("vigie: finished " + finished + " message(s) archived before a stop");
          }
        }
        // Mail for the MSP's report addresses goes to the default tenant, like `vigie receive`.
        Receivers receivers = receiverOptions.start(app.receiver(Store.DEFAULT_TENANT), err);
        try {
          stop.await();
        } finally {
          receivers.close();
        }
      }
    } finally {
      done.countDown();
    }
    return 0;
  }
}
