package dev.vigie.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.store.AccountSql;
import dev.vigie.store.AuditSql;
import dev.vigie.store.Store;
import dev.vigie.store.StoreLocation;
import dev.vigie.web.auth.Passwords;
import dev.vigie.web.auth.SecretBox;
import dev.vigie.web.auth.ServerKey;
import dev.vigie.web.auth.Totp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TOTP secrets sealed at rest (ADR 6), through the running server: the store never holds the
 * secret, sign-in and enrolment still work, a value moved to another row blocks the TOTP step with
 * a message (no bypass), and a restart with a wrong or missing key stops with a clear error.
 */
class TotpAtRestTest {
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static String stored(TestServer.Account a) {
    return server.app.db().with(c -> AccountSql.user(c, a.tenant(), a.userId())).orElseThrow()
        .totpSecret();
  }

  @Test
  void storedValue_isNotTheSecret_andTotpSignInWorks() throws Exception {
    String stored = stored(server.adminA);
    assertThat(stored).startsWith("v1:").doesNotContain(server.adminA.totpSecret());
    assertThat(stored).isNotEqualTo(stored(server.adminB));
    // the key file sits beside the embedded store, readable by its owner only
    Path key = server.dir.resolve("secret.key");
    assertThat(key).exists();
    if (Files.getFileStore(key).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
          .isEqualTo("rw-------");
    }
    HttpSession s = server.signedIn(server.adminA);
    assertThat(s.get("/overview").statusCode()).isEqualTo(200);
  }

  static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<");

  @Test
  void enrolment_storesASealedValue_thatSignsInAfterwards() {
    TestServer.Account fresh = server.account(1, "enrol@a.example", Role.MSP_TECHNICIAN, null,
        false);
    HttpSession s = server.session();
    s.get("/login");
    HttpResponse<String> r = s.post("/login", Map.of("email", fresh.email(), "password",
        TestServer.PASSWORD));
    assertThat(r.headers().firstValue("Location")).hasValue("/account/2fa");
    Matcher m = SECRET.matcher(s.get("/account/2fa").body());
    assertThat(m.find()).isTrue();
    String secret = m.group(1);
    TestServer.Account enrolled = new TestServer.Account(fresh.tenant(), fresh.userId(),
        fresh.email(), secret);
    r = s.post("/account/2fa", Map.of("secret", secret, "code", server.nextCode(enrolled)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    String stored = stored(fresh);
    assertThat(stored).startsWith("v1:").doesNotContain(secret);
    HttpSession again = server.signedIn(enrolled);
    assertThat(again.get("/overview").statusCode()).isEqualTo(200);
  }

  @Test
  void secretMovedToAnotherRow_blocksTheTotpStep_withAMessage() {
    TestServer.Account victim = server.account(1, "moved@a.example", Role.MSP_TECHNICIAN, null,
        true);
    // someone with write access to the store copies the admin's sealed secret to this row
    server.app.db().with(c -> {
      AccountSql.resealTotp(c, victim.tenant(), victim.userId(), stored(server.adminA));
      return null;
    });
    HttpSession s = server.session();
    s.get("/login");
    HttpResponse<String> r = s.post("/login", Map.of("email", victim.email(), "password",
        TestServer.PASSWORD));
    assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith("/login/totp");
    HttpResponse<String> form = s.get("/login/totp");
    assertThat(form.statusCode()).isEqualTo(500);
    assertThat(form.body()).contains("contact your administrator").doesNotContain("name=\"code\"")
        .doesNotContain("Exception");
    // neither the admin's code (the secret that was moved) nor the victim's own opens the way
    for (TestServer.Account a : new TestServer.Account[] {server.adminA, victim}) {
      r = s.post("/login/totp", Map.of("code", server.nextCode(a)));
      assertThat(r.statusCode()).isEqualTo(500);
      assertThat(r.body()).contains("contact your administrator");
    }
    assertThat(s.get("/overview").statusCode()).isEqualTo(302);
    java.util.List<AuditSql.Event> events = server.app.db().with(c -> AuditSql.recent(c, 1, 50));
    assertThat(events).anyMatch(e -> e.action().equals("signin.totp-unreadable"));
  }

  @Test
  void restart_withWrongOrMissingKey_stopsWithAClearError_unlessForgetting(@TempDir Path dir)
      throws Exception {
    String secret = Totp.newSecret();
    long user;
    try (Store store = Store.open(StoreLocation.embedded(dir))) {
      try (WebApp first = new WebApp(store, WebSettings.forTests(), Clock.systemUTC(), null,
          null).secretKey(null)) {
        first.start();
        user = first.db().with(c -> {
          long u = AccountSql.createUser(c, Store.DEFAULT_TENANT, "a@x.example", "A",
              Passwords.hash(TestServer.PASSWORD), Role.MSP_ADMIN.stored(), null,
              first.now());
          AccountSql.setTotp(c, Store.DEFAULT_TENANT, u,
              first.totp().seal(Store.DEFAULT_TENANT, u, secret), null);
          return u;
        });
      }
      String otherKey = Base64.getEncoder().encodeToString(SecretBox.newKey());
      try (WebApp wrong = new WebApp(store, WebSettings.forTests(), Clock.systemUTC(), null,
          null).secretKey(otherKey)) {
        assertThatThrownBy(wrong::start).isInstanceOf(ServerKey.KeyException.class)
            .hasMessageContaining("VIGIE_SECRET_KEY opens none of the 1 TOTP secret(s)")
            .hasMessageContaining("--forget-unreadable-totp");
      }
      Files.move(dir.resolve("secret.key"), dir.resolve("secret.key.bak"));
      try (WebApp missing = new WebApp(store, WebSettings.forTests(), Clock.systemUTC(), null,
          null).secretKey(null)) {
        assertThatThrownBy(missing::start).isInstanceOf(ServerKey.KeyException.class)
            .hasMessageContaining("secret.key is missing");
      }
      assertThat(dir.resolve("secret.key")).doesNotExist();
      // the right key back: signing in works again
      Files.move(dir.resolve("secret.key.bak"), dir.resolve("secret.key"));
      try (WebApp back = new WebApp(store, WebSettings.forTests(), Clock.systemUTC(), null,
          null).secretKey(null)) {
        back.start();
        AccountSql.User u = back.db().with(c -> AccountSql.user(c, Store.DEFAULT_TENANT, user))
            .orElseThrow();
        assertThat(back.totp().open(u)).isEqualTo(secret);
      }
      // the key lost for good: the operator forgets the secrets, the user enrols again
      try (WebApp forget = new WebApp(store, WebSettings.forTests(), Clock.systemUTC(), null,
          null).secretKey(otherKey).forgetUnreadableTotp(true)) {
        forget.start();
        assertThat(forget.db().with(c -> AccountSql.user(c, Store.DEFAULT_TENANT, user))
            .orElseThrow().totpSecret()).isNull();
        java.util.List<AuditSql.Event> events =
            forget.db().with(c -> AuditSql.recent(c, Store.DEFAULT_TENANT, 10));
        assertThat(events).anyMatch(e -> e.action().equals("user.totp-forgotten"));
      }
    }
  }

  @Test
  void clearValues_fromEarlierBuilds_areSealedAtStart(@TempDir Path dir) throws Exception {
    String secret = Totp.newSecret();
    try (Store store = Store.open(StoreLocation.embedded(dir))) {
      long user;
      try (WebApp first = new WebApp(store, WebSettings.forTests(), Clock.systemUTC(), null,
          null).secretKey(null)) {
        first.start();
        user = first.db().with(c -> {
          long u = AccountSql.createUser(c, Store.DEFAULT_TENANT, "b@x.example", "B",
              Passwords.hash(TestServer.PASSWORD), Role.MSP_ADMIN.stored(), null, first.now());
          AccountSql.setTotp(c, Store.DEFAULT_TENANT, u, secret, null);
          return u;
        });
      }
      try (WebApp next = new WebApp(store, WebSettings.forTests(), Clock.systemUTC(), null,
          null).secretKey(null)) {
        next.start();
        AccountSql.User u = next.db().with(c -> AccountSql.user(c, Store.DEFAULT_TENANT, user))
            .orElseThrow();
        assertThat(u.totpSecret()).startsWith("v1:").doesNotContain(secret);
        assertThat(next.totp().open(u)).isEqualTo(secret);
      }
    }
  }
}
