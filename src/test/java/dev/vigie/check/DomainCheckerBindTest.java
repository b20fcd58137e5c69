package dev.vigie.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigie.check.output.DomainReportJson;
import dev.vigie.check.output.DomainReportText;
import dev.vigie.dns.mtasts.FetchResult;
import dev.vigie.dns.resolver.DnsjavaClient;
import dev.vigie.testing.LocalBind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every posture check on two domains served by a real BIND 9: one well kept, one neglected. */
class DomainCheckerBindTest {
  @TempDir static Path dir;
  static LocalBind bind;
  static DomainChecker checker;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(LocalBind.available(), "BIND 9 (named) is not installed; .ci/run installs it");
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    String key = Base64.getEncoder().encodeToString(rsa.generateKeyPair().getPublic().getEncoded());
    bind = LocalBind.start(dir, Map.of(
        "good.test", """
            @              IN MX 10 mx
            @              IN TXT "v=spf1 ip4:192.0.2.0/24 include:_spf.provider.test -all"
            mx             IN A 192.0.2.25
            _dmarc         IN TXT "v=DMARC1; p=reject; rua=mailto:dmarc@good.test"
            selector1._domainkey IN TXT %s
            _mta-sts       IN TXT "v=STSv1; id=20261123"
            _smtp._tls     IN TXT "v=TLSRPTv1; rua=mailto:tls@good.test"
            """.formatted(chunks("v=DKIM1; k=rsa; p=" + key)),
        "weak.test", """
            @              IN MX 10 gone
            @              IN TXT "v=spf1 +all"
            _dmarc         IN TXT "v=DMARC1; p=none"
            """,
        "provider.test", """
            _spf           IN TXT "v=spf1 ip4:198.51.100.0/24 ~all"
            """,
        "2.0.192.in-addr.arpa", """
            25             IN PTR mx.good.test.
            """));
    DnsjavaClient dns = bind.client();
    byte[] policy = "version: STSv1\r\nmode: enforce\r\nmx: mx.good.test\r\nmax_age: 604800\r\n"
        .getBytes(StandardCharsets.UTF_8);
    checker = new DomainChecker(dns,
        uri -> uri.getHost().equals("mta-sts.good.test")
            ? new FetchResult.Response(200, "text/plain", null, policy)
            : new FetchResult.Failure(FetchResult.Failure.Kind.values()[0], "no such host"),
        uri -> new FetchResult.Failure(FetchResult.Failure.Kind.values()[0], "no such host"),
        Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC));
  }

  @AfterAll
  static void stop() {
    if (bind != null) {
      bind.close();
    }
  }

  /** A long TXT value as 255-byte character-strings, as zone files need. */
  static String chunks(String text) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < text.length(); i += 255) {
      b.append('"').append(text, i, Math.min(text.length(), i + 255)).append("\" ");
    }
    return b.toString().strip();
  }

  @Test
  void check_wellKeptDomainPassesEveryRequiredTest() {
    DomainReport r = checker.check("good.test", List.of("selector1"));
    assertThat(r.tests()).filteredOn(t -> t.level() == CheckLevel.REQUIRED)
        .allMatch(t -> t.status() == TestOutcome.Status.PASS);
    assertThat(r.dmarc().recordText()).isEqualTo("v=DMARC1; p=reject; rua=mailto:dmarc@good.test");
    assertThat(r.spf().totalLookups()).isEqualTo(1);
    assertThat(r.dkim().found()).singleElement().satisfies(s -> {
      assertThat(s.selector()).isEqualTo("selector1");
      assertThat(s.key().keyBits()).isEqualTo(2048);
    });
    assertThat(r.mx().hosts()).singleElement().satisfies(h -> {
      assertThat(h.host()).isEqualTo("mx.good.test");
      assertThat(h.forwardConfirmed()).isTrue();
    });
    assertThat(r.mtaSts().policy().mxPatterns()).containsExactly("mx.good.test");
    assertThat(r.tlsRpt().record()).isNotNull();
    // DNSSEC (unsigned) fails, and BIMI (none; informational, weight 0): of 3×5 required + 1×5
    // recommended, one recommended point is lost.
    assertThat(r.tests()).filteredOn(t -> t.status() == TestOutcome.Status.FAIL)
        .extracting(TestOutcome::id).containsExactly("dnssec", "bimi");
    assertThat(r.score()).isEqualTo(95);
    assertThat(r.hasErrors()).isFalse();
  }

  @Test
  void check_neglectedDomainSaysWhatToFix() {
    DomainReport r = checker.check("weak.test", List.of());
    assertThat(r.findings()).extracting(Finding::code)
        .contains("dmarc.policy-none", "spf.plus-all", "mx.host-without-address");
    assertThat(r.tests()).filteredOn(t -> t.status() == TestOutcome.Status.FAIL)
        .extracting(TestOutcome::id).contains("dmarc.enforced", "spf.record", "dkim.key",
            "mx.reachable", "mta-sts", "tls-rpt");
    assertThat(r.score()).isLessThan(30);
    assertThat(r.hasErrors()).isTrue();
    String json = DomainReportJson.write(r);
    assertThat(json).startsWith("{\"domain\":\"weak.test\"").contains("\"code\":\"spf.plus-all\"")
        .contains("\"score\":" + r.score());
    assertThat(DomainReportText.write(r)).contains("weak.test  score " + r.score() + "/100")
        .contains("spf.plus-all");
  }
}
