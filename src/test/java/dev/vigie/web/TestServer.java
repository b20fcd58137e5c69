package dev.vigie.web;

import dev.vigie.check.DomainChecker;
import dev.vigie.dns.DnsClient;
import dev.vigie.dns.bimi.LogoFetcher;
import dev.vigie.dns.mtasts.HttpsPolicyFetcher;
import dev.vigie.store.AccountSql;
import dev.vigie.store.Store;
import dev.vigie.store.StoreLocation;
import dev.vigie.store.TenantSql;
import dev.vigie.web.auth.Passwords;
import dev.vigie.web.auth.Totp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A real {@code vigie serve} on 127.0.0.1 (random port) over an embedded DuckDB in a temp folder,
 * with two tenants: "MSP A" (the default tenant, which uploads go to) with two clients, and
 * "MSP B" with one. One per test class.
 */
final class TestServer implements AutoCloseable {
  static final String PASSWORD = "correct horse battery staple";

  final Path dir;
  final Store store;
  final TestClock clock = new TestClock();
  final WebApp app;
  final String base;
  final long tenantB;
  final long clientA1;
  final long clientA2;
  final long clientB1;

  /** A user the tests sign in as; {@code totpSecret} null for password-only viewers. */
  record Account(long tenant, long userId, String email, @Nullable String totpSecret) {}

  final Account adminA;
  final Account techA;
  final Account viewerA1;
  final Account adminB;
  final Account viewerB1;

  TestServer() throws IOException {
    this(null);
  }

  /** With {@code dns}: DNS checks run through it (a local BIND in the tests). */
  TestServer(@Nullable DnsClient dns) throws IOException {
    dir = Files.createTempDirectory("vigie-web");
    store = Store.open(StoreLocation.embedded(dir));
    app = new WebApp(store, WebSettings.forTests(), clock, dns, dns == null ? null
        : new DomainChecker(dns, new HttpsPolicyFetcher(), LogoFetcher.https(), clock));
    base = "http://127.0.0.1:" + app.start();
    long a = Store.DEFAULT_TENANT;
    tenantB = app.db().with(c -> TenantSql.createTenant(c, "MSP B", clock.instant()));
    clientA1 = app.db().with(c -> TenantSql.addClient(c, a, "Boulangerie Dupont", "fr",
        clock.instant()).orElseThrow());
    clientA2 = app.db().with(c -> TenantSql.addClient(c, a, "Garage Martin", null,
        clock.instant()).orElseThrow());
    clientB1 = app.db().with(c -> TenantSql.addClient(c, tenantB, "Cabinet B", null,
        clock.instant()).orElseThrow());
    app.db().with(c -> {
      TenantSql.addDomain(c, a, clientA1, "dupont.example", clock.instant());
      TenantSql.addDomain(c, a, clientA2, "martin.example", clock.instant());
      TenantSql.addDomain(c, tenantB, clientB1, "cabinet-b.example", clock.instant());
      return null;
    });
    adminA = account(a, "admin@a.example", Role.MSP_ADMIN, null, true);
    techA = account(a, "tech@a.example", Role.MSP_TECHNICIAN, null, true);
    viewerA1 = account(a, "owner@dupont.example", Role.CLIENT_VIEWER, clientA1, false);
    adminB = account(tenantB, "admin@b.example", Role.MSP_ADMIN, null, true);
    viewerB1 = account(tenantB, "owner@cabinet-b.example", Role.CLIENT_VIEWER, clientB1, false);
  }

  Account account(long tenant, String email, Role role, @Nullable Long client, boolean totp) {
    String secret = totp ? Totp.newSecret() : null;
    long id = app.db().with(c -> {
      long u = AccountSql.createUser(c, tenant, email, email.substring(0, email.indexOf('@')),
          Passwords.hash(PASSWORD), role.stored(), client, clock.instant());
      if (secret != null) {
        AccountSql.setTotp(c, tenant, u, app.totp().seal(tenant, u, secret), null);
      }
      return u;
    });
    return new Account(tenant, id, email, secret);
  }

  /** The current TOTP code of an account, after moving the clock to a fresh step. */
  String nextCode(Account a) {
    clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
    return Totp.code(a.totpSecret(), Totp.step(clock.instant()));
  }

  HttpSession session() {
    return new HttpSession(this);
  }

  HttpSession signedIn(Account a) {
    HttpSession s = session();
    s.signIn(a);
    return s;
  }

  List<RouteSpec> routes() {
    return app.routes();
  }

  @Override
  public void close() throws IOException {
    app.close();
    store.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
