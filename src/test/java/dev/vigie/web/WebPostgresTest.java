package dev.vigie.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigie.store.Store;
import dev.vigie.store.StoreLocation;
import dev.vigie.testing.LocalPostgres;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The web schema (V3) and the web's SQL on a real PostgreSQL, through the running server. */
class WebPostgresTest {
  @Test
  void setupLink_createsTheAdmin_andPagesWork_onPostgres() throws Exception {
    assumeTrue(LocalPostgres.available(), "PostgreSQL not installed");
    try (LocalPostgres pg = LocalPostgres.start();
        Store store = Store.open(StoreLocation.postgres(pg.createDatabase("web")));
        WebApp app = new WebApp(store, WebSettings.forTests(), Clock.systemUTC(), null, null)) {
      int port = app.secretKey(java.util.Base64.getEncoder()
          .encodeToString(dev.vigie.web.auth.SecretBox.newKey())).start();
      String link = app.setupLink(Store.DEFAULT_TENANT).replace("http://127.0.0.1",
          "http://127.0.0.1:" + port);
      String path = link.substring(link.indexOf("/setup/"));
      TestServerless s = new TestServerless("http://127.0.0.1:" + port);
      assertThat(s.http.get(path).statusCode()).isEqualTo(200);
      HttpResponse<String> r = s.http.post(path, Map.of("name", "Admin", "email",
          "admin@pg.example", "password", "a long enough password"));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
      assertThat(r.headers().firstValue("Location")).hasValue("/account/2fa");
      assertThat(s.http.get("/account/2fa").body()).contains("otpauth://totp/");
    }
  }

  /** An HttpSession without a TestServer (only its base URL is needed). */
  static final class TestServerless {
    final HttpSession http;

    TestServerless(String base) {
      this.http = new HttpSession(null) {
      };
      this.http.baseOverride = base;
    }
  }
}
