package dev.vigie.dns.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.check.Finding;
import dev.vigie.dns.DnsStatus;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DkimCheckerTest {

  private static List<String> codes(List<Finding> findings) {
    return findings.stream().map(Finding::code).toList();
  }

  @Test
  void check_requestedSelectors_fromFakeDns() throws IOException {
    FakeDns dns = FakeDns.fromFakeDnsDat();
    DkimCheckResult r = new DkimChecker(dns).check("Messiah.EDU.",
        List.of("selector1", "testrevoked", "nonexistent"), false);
    assertThat(r.domain()).isEqualTo("messiah.edu");
    assertThat(r.selectors()).extracting(SelectorResult::selector)
        .containsExactly("selector1", "testrevoked", "nonexistent");
    SelectorResult s1 = r.selectors().get(0);
    assertThat(s1.name()).isEqualTo("selector1._domainkey.messiah.edu");
    assertThat(s1.key().keyBits()).isEqualTo(1024);
    assertThat(r.selectors().get(1).key().revoked()).isTrue();
    SelectorResult missing = r.selectors().get(2);
    assertThat(missing.status()).isEqualTo(DnsStatus.NXDOMAIN);
    assertThat(codes(missing.findings())).containsExactly("dkim.selector-missing");
    assertThat(missing.findings().get(0).detail()).contains("NXDOMAIN");
    assertThat(dns.asked).containsExactly("selector1._domainkey.messiah.edu",
        "testrevoked._domainkey.messiah.edu", "nonexistent._domainkey.messiah.edu");
  }

  @Test
  void check_timeoutAndServfail_temporary() throws IOException {
    FakeDns dns = FakeDns.fromFakeDnsDat();
    DkimChecker checker = new DkimChecker(dns);
    DkimCheckResult timeout = checker.check("blackhole.messiah.edu", List.of("test3"), false);
    assertThat(timeout.selectors().get(0).status()).isEqualTo(DnsStatus.TIMEOUT);
    assertThat(codes(timeout.allFindings())).containsExactly("dkim.temporary-error");
    DkimCheckResult servfail = checker.check("blackhole2.messiah.edu", List.of("test3"), true);
    assertThat(codes(servfail.allFindings())).containsExactly("dkim.temporary-error");
  }

  @Test
  void check_commonSelectorsOnly_findsGoogleKey() {
    FakeDns dns = new FakeDns().txt("google._domainkey.example.com",
        DkimKeyParserTest.RFC8463_ED25519);
    DkimCheckResult r = new DkimChecker(dns).check("example.com", List.of());
    assertThat(r.found()).extracting(SelectorResult::selector).containsExactly("google");
    assertThat(r.found().get(0).key().keyType()).isEqualTo(DkimKeyType.ED25519);
    assertThat(r.found().get(0).requested()).isFalse();
    assertThat(r.allFindings()).isEmpty();
    assertThat(dns.asked).hasSize(DkimChecker.COMMON_SELECTORS.size());
    assertThat(dns.asked).contains("selector1._domainkey.example.com",
        "everlytickey2._domainkey.example.com", "mxvault._domainkey.example.com");
  }

  @Test
  void check_nothingFound_noKeysWarning() {
    DkimCheckResult r = new DkimChecker(new FakeDns()).check("example.com", List.of());
    assertThat(codes(r.allFindings())).containsExactly("dkim.no-keys-found");
    assertThat(r.found()).isEmpty();
  }

  @Test
  void check_wildcardSpfTxt_notTakenForKeys() {
    FakeDns dns = new FakeDns();
    for (String s : DkimChecker.COMMON_SELECTORS) {
      dns.txt(s + "._domainkey.example.com", "v=spf1 -all");
    }
    DkimCheckResult r = new DkimChecker(dns).check("example.com", List.of());
    assertThat(r.found()).isEmpty();
    assertThat(codes(r.allFindings())).containsExactly("dkim.no-keys-found");
  }

  @Test
  void check_requestedGarbageRecord_reported() {
    FakeDns dns = new FakeDns().txt("sel._domainkey.example.com", "hello world");
    DkimCheckResult r = new DkimChecker(dns).check("example.com", List.of("sel"), false);
    assertThat(codes(r.allFindings())).containsExactly("dkim.invalid-record");
    assertThat(r.selectors().get(0).key()).isNull();
  }

  @Test
  void check_multipleRecords_warned() {
    FakeDns dns = new FakeDns().txt("sel._domainkey.example.com",
        DkimKeyParserTest.RFC8463_ED25519, DkimKeyParserTest.RFC8463_RSA);
    DkimCheckResult r = new DkimChecker(dns).check("example.com", List.of("sel"), false);
    assertThat(codes(r.allFindings())).containsExactly("dkim.multiple-records");
  }

  @Test
  void check_invalidNames_noLookups() {
    FakeDns dns = new FakeDns();
    DkimChecker checker = new DkimChecker(dns);
    assertThat(codes(checker.check("bad name", List.of("s1")).allFindings()))
        .containsExactly("dkim.invalid-name");
    DkimCheckResult r = checker.check("example.com", List.of("a b", "x".repeat(64),
        "y".repeat(60) + "." + "z".repeat(60) + "." + "w".repeat(60) + "." + "v".repeat(50)),
        false);
    assertThat(codes(r.allFindings())).containsExactly("dkim.invalid-name", "dkim.invalid-name",
        "dkim.invalid-name");
    assertThat(dns.asked).isEmpty();
  }

  @Test
  void check_hostileSelectorList_bounded() {
    FakeDns dns = new FakeDns();
    List<String> many = java.util.stream.IntStream.range(0, 1_000).mapToObj(i -> "s" + i)
        .toList();
    DkimCheckResult r = new DkimChecker(dns).check("example.com", many);
    assertThat(dns.asked).hasSize(DkimChecker.MAX_SELECTORS);
    assertThat(r.selectors()).hasSize(DkimChecker.MAX_SELECTORS);
  }
}
