package dev.vigie.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigie.check.history.CheckSnapshot;
import dev.vigie.store.CheckHistoryStore;
import dev.vigie.store.Store;
import dev.vigie.testing.LocalBind;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DNS check run from the domain page against a real BIND, read back in each reader's language:
 * the French client's viewer gets the French sentences (no fixes), the technician the fix quoting
 * the domain, in English or, once they choose it, in French.
 */
class WebFindingsTest {
  @TempDir static Path dir;
  static LocalBind bind;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(LocalBind.available(), "BIND 9 (named) is not installed; .ci/run installs it");
    // monitoring only, no SPF record: dmarc.policy-none, dmarc.no-rua and spf.missing
    bind = LocalBind.start(dir, Map.of("dupont.example", """
        @       IN MX 10 mail
        mail    IN A 192.0.2.25
        _dmarc  IN TXT "v=DMARC1; p=none"
        """));
    server = new TestServer(bind.client());
    HttpSession tech = server.signedIn(server.techA);
    HttpResponse<String> r = tech.post("/domains/dupont.example/check", Map.of());
    assertThat(r.statusCode()).as(r.body()).isIn(200, 302, 303);
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (bind != null) {
      bind.close();
    }
  }

  @Test
  void technician_readsEnglishSentenceAndTheFixQuotingTheDomain() {
    String page = server.signedIn(server.techA).get("/domains/dupont.example").body();
    assertThat(page)
        .contains("Your domain does not say which servers may send its email")
        .contains("Publish a TXT record at dupont.example listing your senders")
        .contains("Your DMARC record only monitors");
  }

  @Test
  void frenchClientViewer_readsFrenchSentencesWithoutFixes() {
    String page = server.signedIn(server.viewerA1).get("/domains/dupont.example").body();
    Messages fr = Messages.of("fr");
    assertThat(page)
        .contains(Html.escape(fr.get("finding.spf.missing")))
        .contains(Html.escape(fr.get("finding.dmarc.policy-none")))
        .doesNotContain("Your domain does not say")
        .doesNotContain("dupont.example listing your senders")
        .doesNotContain(Html.escape(fr.get("finding.spf.missing.fix").replace("{0}",
            "dupont.example")));
  }

  @Test
  void dnsChanges_shownInTheReadersLanguageWithBeforeAndAfter() {
    Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
    server.app.db().with(c -> {
      CheckHistoryStore.record(c, Store.DEFAULT_TENANT, snapshot(t0, "reject",
          Map.of("selector1", "rsa 2048")), 0, "{}");
      CheckHistoryStore.record(c, Store.DEFAULT_TENANT, snapshot(t0.plusSeconds(86_400), "none",
          Map.of("selector1", "revoked")), 1, "{}");
      return null;
    });
    String en = server.signedIn(server.techA).get("/domains/martin.example").body();
    assertThat(en).contains("DNS changes").contains("The DMARC policy was weakened.")
        .contains("DKIM key selector1 was revoked.").contains("<code>reject</code>")
        .contains("<code>none</code>");
    TestServer.Account frTech = server.account(Store.DEFAULT_TENANT, "tech-fr@a.example",
        Role.MSP_TECHNICIAN, null, true);
    HttpSession s = server.signedIn(frTech);
    s.post("/account/language", Map.of("lang", "fr"));
    assertThat(s.get("/domains/martin.example").body()).contains("Changements DNS")
        .contains("La politique DMARC a été affaiblie.")
        .contains("La clé DKIM selector1 a été révoquée.");
    // the API lists them with what they are about
    assertThat(s.get("/api/v1/domains/martin.example/changes").body())
        .contains("\"code\":\"dkim.key-revoked\"").contains("\"subject\":\"selector1\"");
  }

  private static CheckSnapshot snapshot(Instant at, String policy, Map<String, String> dkim) {
    return new CheckSnapshot("martin.example", at, 80, "v=DMARC1; p=" + policy, policy,
        "v=spf1 -all", 1, dkim, List.of("mx.martin.example"), null, null, null, "unsigned",
        List.of());
  }

  @Test
  void technicianInFrench_readsTheFixInFrenchWithTheDomain() {
    HttpSession s = server.signedIn(server.adminA);
    assertThat(s.post("/account/language", Map.of("lang", "fr")).statusCode()).isIn(200, 302, 303);
    String page = s.get("/domains/dupont.example").body();
    String fix = Messages.of("fr").get("finding.spf.missing.fix", "dupont.example");
    assertThat(fix).contains("dupont.example").doesNotContain("{");
    assertThat(page).contains(Html.escape(fix)).doesNotContain("Publish a TXT record");
  }
}
