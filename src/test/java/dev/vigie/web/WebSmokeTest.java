package dev.vigie.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WebSmokeTest {
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void signIn_thenOverview() {
    HttpSession s = server.signedIn(server.adminA);
    HttpResponse<String> r = s.get("/overview");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).contains("Boulangerie Dupont").doesNotContain("Cabinet B");
  }

  @Test
  void pageReads_areRememberedButAWriteShowsAtOnce() {
    HttpSession s = server.signedIn(server.techA);
    assertThat(s.get("/domains/martin.example").body()).doesNotContain("SendGrid DKIM added");
    // the page's reads are now remembered (WebApp.read); the note must still show right away
    s.post("/domains/martin.example/notes", java.util.Map.of("body", "SendGrid DKIM added"));
    assertThat(s.get("/domains/martin.example").body()).contains("SendGrid DKIM added");
    // and through the API, as another caller
    HttpSession admin = server.signedIn(server.adminA);
    assertThat(admin.get("/api/v1/domains/martin.example/notes").body())
        .contains("SendGrid DKIM added");
    // a client renamed: its domain page's crumb follows at once
    admin.request("PUT", "/api/v1/clients/" + server.clientA2,
        "{\"name\": \"Garage Martin & Fils\"}");
    assertThat(s.get("/domains/martin.example").body()).contains("Garage Martin &amp; Fils");
  }
}
