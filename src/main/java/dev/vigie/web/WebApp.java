package dev.vigie.web;

import dev.vigie.check.DomainChecker;
import dev.vigie.dns.DnsClient;
import dev.vigie.ingest.IngestResult;
import dev.vigie.ingest.RawSink;
import dev.vigie.report.extract.ReportExtractor;
import dev.vigie.store.AccountSql;
import dev.vigie.dns.psl.PublicSuffixes;
import dev.vigie.enrich.SenderCatalogue;
import dev.vigie.road.Insights;
import dev.vigie.road.RoadRules;
import dev.vigie.store.AuditSql;
import dev.vigie.store.CheckSql;
import dev.vigie.store.ReadPool;
import java.util.Optional;
import dev.vigie.store.Ingestor;
import dev.vigie.store.Store;
import dev.vigie.store.TenantSql;
import dev.vigie.web.api.ApiRoutes;
import dev.vigie.web.api.OpenApi;
import dev.vigie.web.auth.Passwords;
import dev.vigie.web.auth.Secrets;
import dev.vigie.web.page.AdminPages;
import dev.vigie.web.page.AuthPages;
import dev.vigie.web.page.ClientPages;
import dev.vigie.web.page.DomainPages;
import dev.vigie.web.page.UploadPages;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The web app over one open store: builds the Javalin server (virtual threads), registers every
 * page and API route through {@link ScopedRouter}, and runs {@link Guard} before each of them.
 */
public final class WebApp implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(WebApp.class.getName());

  private final Store store;
  private final WebSettings settings;
  private final Clock clock;
  private final Db db;
  private final Sessions sessions;
  private final java.util.concurrent.ConcurrentHashMap<Long, Ingestor> ingestors =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final @Nullable DnsClient dns;
  private final @Nullable DomainChecker checker;
  private final Guard guard = new Guard(this);
  private final ReadPool readPool;
  private final java.util.Map<Long, Insights> insights = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile Insights.PublishedRecords publishedFallback = Insights.PublishedRecords.none();
  private @Nullable Javalin javalin;
  private @Nullable String secretKey = System.getenv(dev.vigie.web.auth.ServerKey.ENV);
  private boolean forgetUnreadableTotp;
  private @Nullable TotpSecrets totp;
  private List<RouteSpec> routes = List.of();

  public WebApp(Store store, WebSettings settings, Clock clock, @Nullable DnsClient dns,
      @Nullable DomainChecker checker) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
    this.db = new Db(store, 8);
    this.sessions = new Sessions(settings.secureCookies());
    this.dns = dns;
    this.checker = checker;
    this.readPool = ReadPool.open(store, 4);
  }

  /**
   * The road analytics for a tenant (cached 30 s; dropped after uploads, checks and settings
   * changes): its report address, and the DMARC records its last DNS checks found.
   */
  public Insights insights(long tenant) {
    return insights.computeIfAbsent(tenant, t -> {
      String address = db.with(c -> TenantSql.tenant(c, t)).map(TenantSql.Tenant::reportAddress)
          .filter(a -> !a.isBlank()).orElse(settings.reportAddress());
      Insights.PublishedRecords fromChecks = domain -> {
        Optional<String> r = db.with(c -> CheckSql.latest(c, t, domain)).flatMap(k -> {
          try {
            var n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(k.json())
                .path("dmarc").path("record");
            return n.isTextual() ? Optional.of(n.asText()) : Optional.empty();
          } catch (java.io.IOException e) {
            return Optional.empty();
          }
        });
        return r.isPresent() ? r : publishedFallback.dmarcRecord(domain);
      };
      return new Insights(readPool, SenderCatalogue.bundled(), PublicSuffixes.bundled(), clock,
          RoadRules.defaults(), fromChecks, address).cached(Duration.ofSeconds(30));
    });
  }

  private final ShortCache<String, dev.vigie.store.ApiTokenSql.Token> tokens =
      new ShortCache<>(Duration.ofSeconds(10), 10_000);
  private final ShortCache<String, Long> owners = new ShortCache<>(Duration.ofSeconds(10), 100_000);
  private final ShortCache<String, Object> reads = new ShortCache<>(Duration.ofSeconds(5), 20_000);

  /** Bearer tokens by hash (dropped at once when revoked here). */
  ShortCache<String, dev.vigie.store.ApiTokenSql.Token> tokenCache() {
    return tokens;
  }

  /** Owners of domains ("tenant domain") and clients ("tenant #id"); dropped on any removal. */
  ShortCache<String, Long> ownerCache() {
    return owners;
  }

  /** After a domain or client is removed: its pages must be "not found" at once. */
  public void forgetOwners() {
    owners.clear();
    reads.clear();
  }

  /**
   * Small reads a page makes on every request (a domain's last check, notes and failure reports,
   * a client, the languages chosen), remembered for 5 s: under 50 callers each such query on the
   * embedded store cost more than rendering the page. Any write through this process, new
   * reports and DNS checks drop them all, so what a user just did is always on the next page;
   * another process sharing a PostgreSQL store is seen within 5 s.
   */
  @SuppressWarnings("unchecked")
  public <T> T read(String key, java.util.function.Supplier<T> load) {
    return (T) reads.get(key, () -> Optional.of(load.get())).orElseThrow();
  }

  /** Forgets cached analytics of a tenant (new reports, a DNS check, new settings). */
  public void invalidate(long tenant) {
    reads.clear();
    Insights i = insights.remove(tenant);
    if (i != null) {
      i.invalidate();
    }
  }

  /** DMARC records to assume where no DNS check has run (the demo's fictitious domains). */
  public void publishedFallback(Insights.PublishedRecords records) {
    this.publishedFallback = records;
  }

  /**
   * Before {@link #start}: the server key (base64 of 32 bytes) instead of VIGIE_SECRET_KEY or the
   * data folder's key file; null to use those.
   */
  public WebApp secretKey(@Nullable String base64) {
    this.secretKey = base64;
    return this;
  }

  /**
   * Before {@link #start}: clear the TOTP secrets the server key cannot open (after losing the
   * key), so that their users enrol again; each one is recorded in the audit log.
   */
  public WebApp forgetUnreadableTotp(boolean forget) {
    this.forgetUnreadableTotp = forget;
    return this;
  }

  /** The sealed TOTP secrets (after {@link #start}). */
  public TotpSecrets totp() {
    if (totp == null) {
      throw new IllegalStateException("the web app is not started");
    }
    return totp;
  }

  /**
   * Starts listening; returns the port (useful when 0 was asked). First resolves the server key
   * and checks the stored TOTP secrets with it ({@link TotpSecrets}): a missing or wrong key stops
   * here with a message saying what to do.
   */
  public int start() {
    if (totp == null) {
      totp = TotpSecrets.load(db, store, secretKey, forgetUnreadableTotp, now());
    }
    long maxBody = settings.limits().maxInputBytes();
    Javalin app = Javalin.create(cfg -> {
      cfg.concurrency.useVirtualThreads = true;
      cfg.startup.showJavalinBanner = false;
      cfg.http.maxRequestSize = maxBody + (1 << 20);
      cfg.http.defaultContentType = "text/html; charset=utf-8";
      cfg.jetty.multipartConfig.maxFileSize(maxBody, SizeUnit.BYTES);
      cfg.jetty.multipartConfig.maxTotalRequestSize(maxBody + (1 << 20), SizeUnit.BYTES);
      cfg.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
      cfg.jetty.modifyServer(server -> server.setStopTimeout(2000));
      cfg.jetty.modifyHttpConfiguration(h -> h.setSendServerVersion(false));
      cfg.routes.before(SecurityHeaders::apply);
      cfg.routes.beforeMatched(guard::before);
      // Any write may change a user (role, language, password, TOTP, disabled): sessions are
      // looked up afresh after it.
      cfg.routes.after(ctx -> {
        if (!ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD")) {
          sessions.forgetAll();
          reads.clear();
        }
      });
      cfg.routes.exception(WebError.class, (e, ctx) -> Errors.render(this, ctx, e));
      cfg.routes.exception(Exception.class, (e, ctx) -> {
        LOG.log(Level.WARNING, ctx.method() + " " + ctx.path() + ": " + e, e);
        Errors.render(this, ctx, new WebError(500, "error.internal"));
      });
      cfg.routes.error(404, ctx -> {
        if (ctx.attribute("vigie.rendered") == null) {
          Errors.render(this, ctx, WebError.notFound());
        }
      });
      cfg.routes.error(405, ctx -> Errors.render(this, ctx, new WebError(405, "error.method")));
      cfg.routes.error(413, ctx -> Errors.render(this, ctx, new WebError(413, "error.too-large")));
      ScopedRouter r = new ScopedRouter(cfg.routes);
      StaticFiles.register(r);
      new AuthPages(this).register(r);
      new ClientPages(this).register(r);
      new DomainPages(this).register(r);
      new UploadPages(this).register(r);
      new AdminPages(this).register(r);
      new ApiRoutes(this).register(r);
      OpenApi.register(r, this);
      routes = r.registered();
    });
    app.start(settings.host(), settings.port());
    javalin = app;
    return app.port();
  }

  public int port() {
    return javalin == null ? -1 : javalin.port();
  }

  /** Every route, with its scope. */
  public List<RouteSpec> routes() {
    return routes;
  }

  public Store store() {
    return store;
  }

  public Db db() {
    return db;
  }

  public Clock clock() {
    return clock;
  }

  public Instant now() {
    return clock.instant();
  }

  public Sessions sessions() {
    return sessions;
  }

  public WebSettings settings() {
    return settings;
  }

  /** The tenant's Ingestor (one per tenant; all of them take turns writing to the store). */
  public Ingestor ingestor(long tenant) {
    return ingestors.computeIfAbsent(tenant, t -> new Ingestor(store,
        new ReportExtractor(settings.limits()), clock,
        new dev.vigie.enrich.SourceEnricher(dev.vigie.enrich.EnrichOptions.offline(), null,
            dev.vigie.enrich.IpDatabase.none(), dev.vigie.enrich.SenderCatalogue.bundled(),
            dev.vigie.dns.psl.PublicSuffixes.bundled()), t));
  }

  /**
   * Where the mail receivers (SMTP, IMAP) store for a tenant: its {@link #ingestor}, then its
   * cached dashboards are dropped, so a report shows as soon as its message is acknowledged.
   */
  public RawSink receiver(long tenant) {
    return (raw, source) -> {
      IngestResult r = ingestor(tenant).ingest(raw, source);
      invalidate(tenant);
      return r;
    };
  }

  public @Nullable DnsClient dns() {
    return dns;
  }

  public @Nullable DomainChecker checker() {
    return checker;
  }

  /** Records a change in the audit log: who (from the resolved scope), what, and from where. */
  public void audit(Context ctx, String action, @Nullable String target, @Nullable String detail) {
    Scoped s = Scoped.of(ctx);
    String actor = s.caller() == null ? "anonymous" : s.caller().actor();
    db.with(c -> {
      AuditSql.record(c, s.tenant(), actor, action, target, detail, ctx.ip(), now());
      return null;
    });
  }

  /**
   * First run: when the tenant has no user yet, creates its admin from VIGIE_ADMIN_EMAIL and
   * VIGIE_ADMIN_PASSWORD when given (automated installs; TOTP is enrolled at first sign-in), or
   * prints a one-time setup link valid for 24 hours.
   */
  public void firstRun(long tenant, @Nullable String adminEmail, @Nullable String adminPassword,
      PrintStream console) {
    db.with(c -> {
      if (AccountSql.userCount(c, tenant) > 0) {
        return null;
      }
      if (adminEmail != null && adminPassword != null) {
        if (!Passwords.acceptable(adminPassword)) {
          throw new IllegalArgumentException("VIGIE_ADMIN_PASSWORD must have 12 to 256 characters");
        }
        AccountSql.createUser(c, tenant, adminEmail, adminEmail, Passwords.hash(adminPassword),
            Role.MSP_ADMIN.stored(), null, now());
        AuditSql.record(c, tenant, "vigie serve", "user.create-admin", adminEmail,
            "from VIGIE_ADMIN_EMAIL", null, now());
        console.println("vigie: created the MSP admin " + adminEmail
            + " (two-factor enrolment at first sign-in)");
        return null;
      }
      console.println("vigie: no MSP admin yet; create one within 24 hours at "
          + setupLink(tenant));
      return null;
    });
  }

  /** A new one-time setup link for the tenant's first admin. */
  public String setupLink(long tenant) {
    String secret = Secrets.random();
    db.with(c -> {
      AccountSql.createSetupToken(c, tenant, Secrets.sha256(secret), now(),
          now().plus(Duration.ofHours(24)));
      return null;
    });
    return settings.publicUrl().replaceAll("/+$", "") + "/setup/" + tenant + "/" + secret;
  }

  /** A new tenant (another MSP on this instance) and its setup link. */
  public String createTenant(String name) {
    long id = db.with(c -> TenantSql.createTenant(c, name, now()));
    return setupLink(id);
  }

  public void stop() {
    if (javalin != null) {
      javalin.stop();
      javalin = null;
    }
  }

  @Override
  public void close() {
    stop();
    db.close();
    readPool.close();
  }
}
