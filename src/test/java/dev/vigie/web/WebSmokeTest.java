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
}
