package dev.vigie.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.demo.AggregateXml;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web app's security promises against the real server: tenant and client isolation on every
 * route, CSRF, session fixation, lock-out, escaping, headers, hostile uploads, problem+json.
 */
class WebSecurityTest {
  static TestServer server;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  /** A concrete path for a route template, naming tenant A's client 2 and its domain. */
  static String concrete(RouteSpec r, long client) {
    return r.path().replace("{clientId}", String.valueOf(client))
        .replace("{domain}", client == server.clientA2 ? "martin.example" : "dupont.example")
        .replace("{tokenId}", "1").replace("{id}", "1").replace("{userId}", "1")
        .replace("{noteId}", "1").replace("{seq}", "1").replace("{file}", "app.css")
        .replace("{tenant}", "1").replace("{token}", "x").replace("{lang}", "fr");
  }

  static HttpResponse<String> call(HttpSession s, RouteSpec r, String path) {
    return switch (r.method().name()) {
      case "GET" -> s.get(path);
      case "POST" -> r.api() ? s.request("POST", path, "{}")
          : s.post(path, Map.of("body", "x", "domain", "x.example", "name", "x"));
      default -> s.request(r.method().name(), path, r.method().name().equals("DELETE") ? null
          : "{}");
    };
  }

  @Test
  void everyObjectRoute_refusesOtherTenantsAndOtherClients() {
    HttpSession adminB = server.signedIn(server.adminB);
    HttpSession viewerB = server.signedIn(server.viewerB1);
    HttpSession viewerA1 = server.signedIn(server.viewerA1);
    int checked = 0;
    for (RouteSpec r : server.routes()) {
      if (!(r.scope() instanceof Scope.Client) && !(r.scope() instanceof Scope.Domain)) {
        continue;
      }
      String path = concrete(r, server.clientA2);
      for (HttpSession s : List.of(adminB, viewerB, viewerA1)) {
        HttpResponse<String> res = call(s, r, path);
        assertThat(res.statusCode()).as(r.method() + " " + path).isIn(403, 404);
        // (error pages echo the requested path in the language switch; no data of the object)
        assertThat(res.body()).as(r.method() + " " + path).doesNotContain("Garage Martin")
            .doesNotContain("<h1>martin.example");
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(40);
    // the other tenant's own objects remain reachable to it: the refusals above are scope, not breakage
    assertThat(adminB.get("/clients/" + server.clientB1).statusCode()).isEqualTo(200);
    assertThat(viewerA1.get("/domains/dupont.example").statusCode()).isEqualTo(200);
  }

  @Test
  void tenantAndAdminRoutes_refuseViewers_andAdminRoutesRefuseTechnicians() {
    HttpSession viewerA1 = server.signedIn(server.viewerA1);
    HttpSession tech = server.signedIn(server.techA);
    for (RouteSpec r : server.routes()) {
      if (r.scope() instanceof Scope.Tenant || r.scope() instanceof Scope.Admin) {
        String path = concrete(r, server.clientA1);
        HttpResponse<String> res = call(viewerA1, r, path);
        assertThat(res.statusCode()).as("viewer " + r.method() + " " + path).isEqualTo(403);
        assertThat(res.body()).doesNotContain("Garage Martin");
        if (r.scope() instanceof Scope.Admin) {
          assertThat(call(tech, r, path).statusCode()).as("tech " + path).isEqualTo(403);
        }
      }
    }
  }

  @Test
  void viewer_readsOwnClient_butCannotWrite() {
    HttpSession viewer = server.signedIn(server.viewerA1);
    HttpResponse<String> page = viewer.get("/clients/" + server.clientA1);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("dupont.example").doesNotContain("Garage Martin");
    assertThat(viewer.post("/domains/dupont.example/notes", Map.of("body", "hi")).statusCode())
        .isEqualTo(403);
    // the viewer's client is French: the page speaks French
    assertThat(page.body()).contains("lang=\"fr\"").contains("Domaines");
  }

  @Test
  void post_withoutCsrfToken_isRefused() {
    HttpSession admin = server.signedIn(server.adminA);
    HttpResponse<String> r = admin.post("/domains/dupont.example/notes",
        Map.of("body", "forged", "_csrf", "wrong"));
    assertThat(r.statusCode()).isEqualTo(403);
    HttpResponse<String> api = admin.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(server.base + "/api/v1/domains/dupont.example/notes"))
        .header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"body\":\"forged\"}")));
    assertThat(api.statusCode()).isEqualTo(403);
    assertThat(admin.get("/domains/dupont.example").body()).doesNotContain("forged");
    // the login form is protected too (login CSRF)
    HttpSession fresh = server.session();
    assertThat(fresh.post("/login", Map.of("email", server.techA.email(), "password",
        TestServer.PASSWORD)).statusCode()).isEqualTo(403);
  }

  @Test
  void signIn_rotatesTheSessionId() {
    HttpSession s = server.session();
    s.get("/login");
    java.net.HttpCookie planted = new java.net.HttpCookie("vigie_session", "1.planted-by-attacker");
    planted.setPath("/");
    planted.setVersion(0);
    s.cookies.getCookieStore().add(java.net.URI.create(server.base), planted);
    HttpResponse<String> login = s.post("/login", Map.of("email", server.techA.email(),
        "password", TestServer.PASSWORD));
    assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
    String afterPassword = setCookie(login);
    // a browser replaces the cookie; java.net's store keeps the planted one apart (other domain key)
    s.cookies.getCookieStore().remove(java.net.URI.create(server.base), planted);
    assertThat(afterPassword).isNotEqualTo("1.planted-by-attacker");
    s.get("/login/totp");
    String signedIn = setCookie(s.post("/login/totp", Map.of("code",
        server.nextCode(server.techA))));
    assertThat(signedIn).isNotEqualTo(afterPassword);
    assertThat(s.get("/overview").statusCode()).isEqualTo(200);
    // the pre-TOTP id is dead
    HttpSession old = server.session();
    java.net.HttpCookie stale = new java.net.HttpCookie("vigie_session", afterPassword);
    stale.setPath("/");
    stale.setVersion(0);
    old.cookies.getCookieStore().add(java.net.URI.create(server.base), stale);
    assertThat(old.get("/overview").statusCode()).isEqualTo(302);
  }

  static String setCookie(HttpResponse<String> r) {
    return r.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("vigie_session=") && !c.startsWith("vigie_session=;"))
        .map(c -> c.substring("vigie_session=".length(), c.indexOf(';')))
        .filter(v -> !v.isEmpty()).reduce((a, b) -> b).orElseThrow();
  }

  @Test
  void totpCode_cannotBeReplayed() {
    HttpSession a = server.session();
    a.get("/login");
    a.post("/login", Map.of("email", server.adminA.email(), "password", TestServer.PASSWORD));
    a.get("/login/totp");
    String code = server.nextCode(server.adminA);
    assertThat(a.post("/login/totp", Map.of("code", code)).statusCode()).isEqualTo(302);
    HttpSession b = server.session();
    b.get("/login");
    b.post("/login", Map.of("email", server.adminA.email(), "password", TestServer.PASSWORD));
    b.get("/login/totp");
    assertThat(b.post("/login/totp", Map.of("code", code)).statusCode()).isEqualTo(401);
  }

  @Test
  void fiveWrongPasswords_lockTheAccount() {
    TestServer.Account victim = server.account(1, "locked@a.example", Role.MSP_TECHNICIAN, null,
        true);
    HttpSession s = server.session();
    s.get("/login");
    for (int i = 0; i < 5; i++) {
      assertThat(s.post("/login", Map.of("email", victim.email(), "password", "wrong password!"))
          .statusCode()).isEqualTo(401);
    }
    HttpResponse<String> right = s.post("/login", Map.of("email", victim.email(), "password",
        TestServer.PASSWORD));
    assertThat(right.statusCode()).isEqualTo(401);
    assertThat(right.body()).contains("locked for 15 minutes");
    server.clock.advance(Duration.ofMinutes(16));
    assertThat(s.post("/login", Map.of("email", victim.email(), "password", TestServer.PASSWORD))
        .statusCode()).isEqualTo(302);
  }

  @Test
  void clientNamesAndNotes_areEscaped() {
    HttpSession admin = server.signedIn(server.adminA);
    admin.get("/onboarding");
    HttpResponse<String> r = admin.post("/onboarding", Map.of("client", "new", "name",
        "<script>alert('org')</script>", "lang", "", "domain", "xss.example"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    admin.get("/domains/xss.example");
    admin.post("/domains/xss.example/notes", Map.of("body", "<img src=x onerror=alert(1)>"));
    String page = admin.get("/domains/xss.example").body();
    assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x")
        .contains("&lt;script&gt;alert(&#39;org&#39;)&lt;/script&gt;")
        .doesNotContain("<script>alert");
    assertThat(admin.get("/overview").body()).doesNotContain("<script>alert");
  }

  @Test
  void securityHeaders_onEveryResponse() {
    HttpSession anon = server.session();
    HttpSession admin = server.signedIn(server.adminA);
    for (HttpResponse<String> r : List.of(anon.get("/login"), anon.get("/"),
        anon.get("/static/app.css"), anon.get("/no/such/page"), anon.get("/api/v1/clients"),
        anon.get("/api/openapi.json"), admin.get("/overview"), admin.get("/domains/nope.example"),
        admin.post("/logout", Map.of()))) {
      var h = r.headers();
      assertThat(h.firstValue("Content-Security-Policy")).as(r.uri().toString())
          .hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'")
              .contains("script-src 'self'").doesNotContain("unsafe-inline"));
      assertThat(h.firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(h.firstValue("Referrer-Policy")).hasValue("no-referrer");
      assertThat(h.firstValue("X-Frame-Options")).hasValue("DENY");
    }
  }

  @Test
  void sessionCookie_isHttpOnlyAndSameSite() {
    HttpSession s = server.session();
    s.get("/login");
    HttpResponse<String> r = s.post("/login", Map.of("email", server.viewerA1.email(), "password",
        TestServer.PASSWORD));
    assertThat(r.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
        .startsWith("vigie_session=").contains("HttpOnly").contains("SameSite=Lax"));
  }

  @Test
  void api_errorsAreProblemJson() throws Exception {
    HttpSession anon = server.session();
    HttpResponse<String> r = anon.get("/api/v1/clients");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/problem+json"));
    JsonNode p = JSON.readTree(r.body());
    assertThat(p.path("status").asInt()).isEqualTo(401);
    assertThat(p.path("title").asText()).isNotBlank();
    HttpSession admin = server.signedIn(server.adminA);
    HttpResponse<String> nf = admin.get("/api/v1/domains/unknown.example");
    assertThat(nf.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(nf.body()).path("detail").asText()).isNotBlank();
    HttpResponse<String> bad = admin.request("POST", "/api/v1/clients", "not json");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith(
        "application/problem+json");
  }

  @Test
  void apiTokens_areScoped() throws Exception {
    HttpSession admin = server.signedIn(server.adminA);
    String ro = JSON.readTree(admin.request("POST", "/api/v1/tokens",
        "{\"label\":\"ro\",\"write\":false}").body()).path("token").asText();
    String client1 = JSON.readTree(admin.request("POST", "/api/v1/tokens",
        "{\"label\":\"c1\",\"write\":true,\"client\":" + server.clientA1 + "}").body())
        .path("token").asText();
    HttpSession t = server.session();
    t.bearer = ro;
    assertThat(t.get("/api/v1/clients").statusCode()).isEqualTo(200);
    assertThat(t.request("POST", "/api/v1/clients", "{\"name\":\"x\"}").statusCode())
        .isEqualTo(403);
    t.bearer = client1;
    assertThat(t.get("/api/v1/domains/dupont.example").statusCode()).isEqualTo(200);
    assertThat(t.get("/api/v1/domains/martin.example").statusCode()).isEqualTo(404);
    assertThat(t.get("/api/v1/clients").statusCode()).isEqualTo(403);
    t.bearer = "vgt_1_forged";
    assertThat(t.get("/api/v1/me").statusCode()).isEqualTo(401);
  }

  static HttpSession apiAs(HttpSession admin) throws Exception {
    String token = JSON.readTree(admin.request("POST", "/api/v1/tokens",
        "{\"label\":\"upload\",\"write\":true}").body()).path("token").asText();
    HttpSession api = server.session();
    api.bearer = token;
    return api;
  }

  @Test
  void revokedToken_isRefusedAtOnce() throws Exception {
    HttpSession admin = server.signedIn(server.adminA);
    JsonNode created = JSON.readTree(admin.request("POST", "/api/v1/tokens",
        "{\"label\":\"short-lived\"}").body());
    HttpSession api = server.session();
    api.bearer = created.path("token").asText();
    assertThat(api.get("/api/v1/me").statusCode()).isEqualTo(200); // now remembered
    assertThat(admin.request("DELETE", "/api/v1/tokens/" + created.path("token_id").asLong(), null)
        .statusCode()).isIn(200, 204);
    assertThat(api.get("/api/v1/me").statusCode()).isEqualTo(401);
  }

  @Test
  void upload_storesReports() throws Exception {
    HttpSession api = apiAs(server.signedIn(server.adminA));
    Instant day = Instant.parse("2026-03-01T00:00:00Z");
    byte[] report = AggregateXml.gzip(new AggregateXml.Header("google.com",
        "noreply@google.com", "r-1", day, day.plusSeconds(86399), "dupont.example", "none", null,
        null), List.of(new AggregateXml.Row("192.0.2.10", 40, "none", "pass", "pass",
        "dupont.example", "dupont.example", List.of(), List.of())));
    HttpResponse<String> ok = api.postRaw("/api/v1/reports?name=r1.xml.gz",
        "application/octet-stream", report);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(JSON.readTree(ok.body()).get(0).path("reports").asInt()).isEqualTo(1);
  }

  @Test
  void upload_byAnotherTenant_isStoredForThatTenantOnly() throws Exception {
    Instant day = Instant.parse("2026-03-02T00:00:00Z");
    byte[] report = AggregateXml.gzip(new AggregateXml.Header("google.com",
        "noreply@google.com", "r-b-1", day, day.plusSeconds(86399), "cabinet-b.example", "none",
        null, null), List.of(new AggregateXml.Row("192.0.2.11", 70, "none", "pass", "pass",
        "cabinet-b.example", "cabinet-b.example", List.of(), List.of())));
    HttpSession apiB = apiAs(server.signedIn(server.adminB));
    HttpResponse<String> ok = apiB.postRaw("/api/v1/reports?name=b.xml.gz",
        "application/octet-stream", report);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(JSON.readTree(ok.body()).get(0).path("reports").asInt()).isEqualTo(1);
    // the same bytes uploaded by tenant A are new to A (each tenant has its own archive) …
    HttpSession apiA = apiAs(server.signedIn(server.adminA));
    HttpResponse<String> again = apiA.postRaw("/api/v1/reports?name=b.xml.gz",
        "application/octet-stream", report);
    assertThat(JSON.readTree(again.body()).get(0).path("alreadyStored").asBoolean()).isFalse();
    // … and B's domain shows B's messages, which A cannot see at all
    HttpResponse<String> b = apiB.get("/api/v1/domains/cabinet-b.example/dashboard");
    assertThat(b.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(b.body()).path("lastReport").asText()).isEqualTo("2026-03-02");
    assertThat(apiA.get("/api/v1/domains/cabinet-b.example/dashboard").statusCode())
        .isIn(403, 404);
  }

  @Test
  void hostileUploads_areRefusedWithTheReason() throws Exception {
    HttpSession admin = server.signedIn(server.adminA);
    HttpSession api = apiAs(admin);

    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 300; i++) {
        gz.write(zeros);
      }
    }
    HttpResponse<String> b = api.postRaw("/api/v1/reports?name=bomb.xml.gz",
        "application/octet-stream", bomb.toByteArray());
    assertThat(b.statusCode()).as(b.body()).isEqualTo(422);
    assertThat(b.headers().firstValue("Content-Type").orElse("")).startsWith(
        "application/problem+json");
    assertThat(JSON.readTree(b.body()).path("detail").asText()).contains("bomb.xml.gz");

    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE feedback [<!ENTITY x SYSTEM"
        + " \"file:///etc/passwd\">]><feedback><report_metadata><org_name>&x;</org_name>"
        + "</report_metadata></feedback>";
    HttpResponse<String> x = api.postRaw("/api/v1/reports?name=xxe.xml",
        "application/octet-stream", xxe.getBytes(StandardCharsets.UTF_8));
    assertThat(x.statusCode()).isEqualTo(422);
    assertThat(x.body()).doesNotContain("root:").contains("DOCTYPE");

    // the browser upload says the same on its page
    byte[] body = multipart("files", "xxe.xml", xxe.getBytes(StandardCharsets.UTF_8),
        admin.csrf);
    HttpResponse<String> page = admin.postRaw("/upload",
        "multipart/form-data; boundary=vigieboundary", body);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("xxe.xml").contains("DOCTYPE");
  }

  static byte[] multipart(String field, String filename, byte[] content, String csrf) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String head = "--vigieboundary\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
        + csrf + "\r\n--vigieboundary\r\nContent-Disposition: form-data; name=\"" + field
        + "\"; filename=\"" + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes("\r\n--vigieboundary--\r\n".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  @Test
  void openApi_listsEveryApiRoute() throws Exception {
    JsonNode doc = JSON.readTree(server.session().get("/api/openapi.json").body());
    assertThat(doc.path("openapi").asText()).startsWith("3.");
    int n = 0;
    for (RouteSpec r : server.routes()) {
      if (r.api()) {
        assertThat(doc.path("paths").path(r.path()).has(r.method().name().toLowerCase()))
            .as(r.method() + " " + r.path()).isTrue();
        n++;
      }
      assertThat(r.path().startsWith("/api/")).as(r.path()).isEqualTo(r.api());
    }
    assertThat(n).isGreaterThan(20);
  }
}
