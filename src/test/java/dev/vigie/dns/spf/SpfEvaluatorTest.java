package dev.vigie.dns.spf;

import static dev.vigie.dns.RecordType.A;
import static dev.vigie.dns.RecordType.MX;
import static dev.vigie.dns.RecordType.PTR;
import static dev.vigie.dns.RecordType.TXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.dns.StubDnsClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Limits, loops and explanations beyond the conformance suites, with exact counts. */
class SpfEvaluatorTest {
  private static SpfResult check(StubDnsClient dns, String ip, String domain) {
    return new SpfEvaluator(dns).check(ip, "user@" + domain, "mail.example.org");
  }

  @Test
  void check_voidLookupsAtLimit_neutral() {
    StubDnsClient dns = new StubDnsClient().add("v.test", TXT, "v=spf1 a:n1.test a:n2.test ?all");
    SpfResult r = check(dns, "192.0.2.1", "v.test");
    assertThat(r.verdict()).isEqualTo(SpfVerdict.NEUTRAL);
    assertThat(r.voidLookups()).isEqualTo(2);
  }

  @Test
  void check_thirdVoidLookupAsLastTerm_permerror() {
    StubDnsClient dns = new StubDnsClient()
        .add("v.test", TXT, "v=spf1 a:n1.test a:n2.test a:n3.test");
    SpfResult r = check(dns, "192.0.2.1", "v.test");
    assertThat(r.verdict()).isEqualTo(SpfVerdict.PERMERROR);
    assertThat(r.reason()).contains("void lookup limit").contains("n3.test");
  }

  @Test
  void check_voidLookupsAcrossInclude_addUp() {
    StubDnsClient dns = new StubDnsClient()
        .add("v.test", TXT, "v=spf1 a:n1.test include:child.test ?all")
        .add("child.test", TXT, "v=spf1 mx:n2.test exists:n3.test ?all");
    SpfResult r = check(dns, "192.0.2.1", "v.test");
    assertThat(r.verdict()).isEqualTo(SpfVerdict.PERMERROR);
    assertThat(r.voidLookups()).isEqualTo(3);
  }

  @Test
  void check_tenLookupsThroughRedirect_passes() {
    StubDnsClient dns = new StubDnsClient()
        .add("r.test", TXT, "v=spf1" + " a:h.test".repeat(9) + " redirect=t.test")
        .add("t.test", TXT, "v=spf1 ip4:192.0.2.1 -all").add("h.test", A, "198.51.100.1");
    SpfResult r = check(dns, "192.0.2.1", "r.test");
    assertThat(r.verdict()).isEqualTo(SpfVerdict.PASS);
    assertThat(r.dnsLookups()).isEqualTo(10);
  }

  @Test
  void check_eleventhLookupIsRedirect_permerror() {
    StubDnsClient dns = new StubDnsClient()
        .add("r.test", TXT, "v=spf1" + " a:h.test".repeat(10) + " redirect=t.test")
        .add("t.test", TXT, "v=spf1 +all").add("h.test", A, "198.51.100.1");
    assertThat(check(dns, "192.0.2.1", "r.test").verdict()).isEqualTo(SpfVerdict.PERMERROR);
  }

  @Test
  void check_includeLoop_permerrorWithBoundedQueries() {
    StubDnsClient dns = new StubDnsClient()
        .add("a.test", TXT, "v=spf1 include:b.test -all")
        .add("b.test", TXT, "v=spf1 include:a.test -all");
    SpfResult r = check(dns, "192.0.2.1", "a.test");
    assertThat(r.verdict()).isEqualTo(SpfVerdict.PERMERROR);
    assertThat(r.dnsLookups()).isEqualTo(11);
    assertThat(dns.queries()).hasSize(11); // the first TXT plus one per include until the limit
  }

  @Test
  void check_hostileMxRecords_queriesStayBounded() {
    StubDnsClient dns = new StubDnsClient().add("h.test", TXT, "v=spf1" + " mx".repeat(10)
        + " -all");
    for (int i = 0; i < 10; i++) {
      dns.add("h.test", MX, i + " mx" + i + ".test").add("mx" + i + ".test", A, "198.51.100.1");
    }
    SpfResult r = check(dns, "192.0.2.1", "h.test");
    assertThat(r.verdict()).isEqualTo(SpfVerdict.FAIL);
    assertThat(dns.queries()).hasSize(1 + 10 * 11);
  }

  @Test
  void check_pMacroRepeated_resolvedOnce() {
    StubDnsClient dns = new StubDnsClient()
        .add("p.test", TXT, "v=spf1 exists:%{p}.x.test exists:%{p}.y.test -all")
        .add("1.2.0.192.in-addr.arpa", PTR, "mail.p.test").add("mail.p.test", A, "192.0.2.1")
        .add("mail.p.test.y.test", A, "127.0.0.2");
    SpfResult r = check(dns, "192.0.2.1", "p.test");
    assertThat(r.verdict()).isEqualTo(SpfVerdict.PASS);
    assertThat(dns.queries()).filteredOn(q -> q.startsWith("PTR")).hasSize(1);
  }

  @Test
  void check_ipv4MappedClient_matchesIp4() {
    StubDnsClient dns = new StubDnsClient().add("m.test", TXT, "v=spf1 ip4:192.0.2.0/24 -all");
    assertThat(check(dns, "::ffff:192.0.2.9", "m.test").verdict()).isEqualTo(SpfVerdict.PASS);
  }

  @Test
  void check_failWithExp_expandsExpOnlyMacros() {
    StubDnsClient dns = new StubDnsClient()
        .add("e.test", TXT, "v=spf1 -all exp=why.%{d}")
        .add("why.e.test", TXT, "%{c} may not send for %{o} (checked by %{r} at %{t})");
    SpfOptions options = SpfOptions.defaults().withReceiver("mx.receiver.test")
        .withClock(Clock.fixed(Instant.ofEpochSecond(1700000000), ZoneOffset.UTC));
    SpfResult r = new SpfEvaluator(dns, options).check("2001:DB8:0:0:1:0:0:1", "u@e.test", "h");
    assertThat(r.verdict()).isEqualTo(SpfVerdict.FAIL);
    assertThat(r.explanation())
        .isEqualTo("2001:db8::1:0:0:1 may not send for e.test (checked by mx.receiver.test at"
            + " 1700000000)");
  }

  @Test
  void check_failWithoutExp_expandsDefaultExplanation() {
    StubDnsClient dns = new StubDnsClient().add("e.test", TXT, "v=spf1 -all");
    SpfResult r = check(dns, "192.0.2.1", "e.test");
    assertThat(r.explanation()).isEqualTo("192.0.2.1 is not authorized to send mail for e.test");
  }

  @Test
  void check_passHasNoExplanation() {
    StubDnsClient dns = new StubDnsClient().add("e.test", TXT, "v=spf1 +all exp=x.e.test");
    SpfResult r = check(dns, "192.0.2.1", "e.test");
    assertThat(r.verdict()).isEqualTo(SpfVerdict.PASS);
    assertThat(r.explanation()).isNull();
    assertThat(dns.queries()).containsExactly("TXT e.test");
  }

  @Test
  void check_temporaryFailureOfTheRecord_temperror() {
    StubDnsClient dns = new StubDnsClient().servfail("t.test");
    assertThat(check(dns, "192.0.2.1", "t.test").verdict()).isEqualTo(SpfVerdict.TEMPERROR);
  }

  @Test
  void check_notAnIpAddress_rejected() {
    SpfEvaluator evaluator = new SpfEvaluator(new StubDnsClient());
    assertThatThrownBy(() -> evaluator.check("mail.example.com", "u@example.com", "h"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void checkHost_heloIdentity_usesGivenDomain() {
    StubDnsClient dns = new StubDnsClient().add("mta.test", TXT, "v=spf1 a -all")
        .add("mta.test", A, "192.0.2.7");
    SpfResult r = new SpfEvaluator(dns).checkHost("192.0.2.7", "mta.test", "postmaster@mta.test",
        "mta.test");
    assertThat(r.verdict()).isEqualTo(SpfVerdict.PASS);
    assertThat(r.dnsLookups()).isEqualTo(1);
  }
}
