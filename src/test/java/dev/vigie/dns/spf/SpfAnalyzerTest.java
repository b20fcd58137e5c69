package dev.vigie.dns.spf;

import static dev.vigie.dns.RecordType.A;
import static dev.vigie.dns.RecordType.MX;
import static dev.vigie.dns.RecordType.TXT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import dev.vigie.dns.StubDnsClient;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpfAnalyzerTest {
  private static StubDnsClient mailDomain(String record) {
    return new StubDnsClient().add("shop.test", TXT, record).add("shop.test", MX, "10 mx.shop.test")
        .add("mx.shop.test", A, "192.0.2.25");
  }

  private static Finding finding(SpfAnalysis a, String code) {
    return a.findings().stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow();
  }

  @Test
  void analyze_goodRecord_noFindingsAndCounts() {
    StubDnsClient dns = mailDomain("v=spf1 mx include:_spf.mail.test -all")
        .add("_spf.mail.test", TXT, "v=spf1 ip4:198.51.100.0/24 a:out.mail.test -all")
        .add("out.mail.test", A, "198.51.100.9");
    SpfAnalysis a = new SpfAnalyzer(dns).analyze("Shop.Test.");
    assertThat(a.findings()).isEmpty();
    assertThat(a.totalLookups()).isEqualTo(3);
    assertThat(a.root().lookups()).isEqualTo(2);
    assertThat(a.root().children()).singleElement().satisfies(c -> {
      assertThat(c.domain()).isEqualTo("_spf.mail.test");
      assertThat(c.via()).isEqualTo("include");
      assertThat(c.totalLookups()).isEqualTo(1);
    });
  }

  @Test
  void analyze_elevenLookupsInTree_tooManyLookupsWithBranches() {
    StubDnsClient dns = mailDomain("v=spf1 include:a.test include:b.test -all")
        .add("a.test", TXT, "v=spf1" + " a:h.test".repeat(5) + " -all")
        .add("b.test", TXT, "v=spf1" + " a:h.test".repeat(4) + " -all").add("h.test", A, "1.2.3.4");
    SpfAnalysis a = new SpfAnalyzer(dns).analyze("shop.test");
    assertThat(a.totalLookups()).isEqualTo(11);
    Finding f = finding(a, "spf.too-many-lookups");
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.detail()).contains("has 11 DNS-querying terms")
        .contains("shop.test itself 0, include a.test 6, include b.test 5");
  }

  @Test
  void analyze_tenLookups_nearLimitWarning() {
    StubDnsClient dns = mailDomain("v=spf1" + " a:h.test".repeat(10) + " -all")
        .add("h.test", A, "1.2.3.4");
    SpfAnalysis a = new SpfAnalyzer(dns).analyze("shop.test");
    assertThat(a.totalLookups()).isEqualTo(10);
    assertThat(a.has("spf.lookups-near-limit")).isTrue();
    assertThat(a.has("spf.too-many-lookups")).isFalse();
  }

  @Test
  void analyze_permissiveAllPtrAndDuplicates_reported() {
    StubDnsClient dns = mailDomain("v=spf1 ptr include:x.test include:x.test +all")
        .add("x.test", TXT, "v=spf1 ip4:192.0.2.0/24 ?all");
    SpfAnalysis a = new SpfAnalyzer(dns).analyze("shop.test");
    assertThat(finding(a, "spf.plus-all").severity()).isEqualTo(Severity.ERROR);
    assertThat(finding(a, "spf.ptr").severity()).isEqualTo(Severity.WARNING);
    assertThat(finding(a, "spf.duplicate-include").detail()).contains("appears 2 times");
    assertThat(a.has("spf.neutral-all")).as("?all inside an include is harmless").isFalse();
    assertThat(a.findings().getFirst().severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void analyze_voidLookups_countedAcrossIncludes() {
    StubDnsClient dns = mailDomain("v=spf1 a:gone1.test include:inc.test ?all")
        .add("inc.test", TXT, "v=spf1 mx:gone2.test exists:gone3.test -all");
    SpfAnalysis a = new SpfAnalyzer(dns).analyze("shop.test");
    assertThat(a.voidLookups()).isEqualTo(3);
    assertThat(a.root().voidTargets()).containsExactly("gone1.test");
    assertThat(a.findings()).filteredOn(f -> f.code().equals("spf.void-lookup")).hasSize(3);
    assertThat(a.has("spf.too-many-void-lookups")).isTrue();
    assertThat(a.has("spf.neutral-all")).isTrue();
  }

  @Test
  void analyze_noRecord_missingAndParkedAdvice() {
    SpfAnalysis a = new SpfAnalyzer(new StubDnsClient().add("parked.test", A, "192.0.2.1"))
        .analyze("parked.test");
    assertThat(a.root().status()).isEqualTo(SpfNode.Status.MISSING);
    assertThat(finding(a, "spf.missing").severity()).isEqualTo(Severity.ERROR);
    assertThat(finding(a, "spf.parked-domain").fix()).contains("\"v=spf1 -all\"");
  }

  @Test
  void analyze_parkedWithDenyAll_noParkedFinding() {
    SpfAnalysis a = new SpfAnalyzer(new StubDnsClient().add("parked.test", TXT, "v=spf1  -all"))
        .analyze("parked.test");
    assertThat(a.findings()).isEmpty();
  }

  @Test
  void analyze_multipleRecords_error() {
    StubDnsClient dns = mailDomain("v=spf1 -all").add("shop.test", TXT, "v=spf1 mx -all");
    SpfAnalysis a = new SpfAnalyzer(dns).analyze("shop.test");
    assertThat(a.root().status()).isEqualTo(SpfNode.Status.MULTIPLE);
    assertThat(finding(a, "spf.multiple-records").detail()).contains("2 TXT records");
  }

  @Test
  void analyze_redirectWithAllAndMissingInclude_reported() {
    StubDnsClient dns = mailDomain("v=spf1 include:nowhere.test redirect=other.test -all");
    SpfAnalysis a = new SpfAnalyzer(dns).analyze("shop.test");
    assertThat(a.has("spf.redirect-with-all")).isTrue();
    assertThat(finding(a, "spf.include-missing").detail()).contains("nowhere.test does not exist");
  }

  @Test
  void analyze_sizes_longStringAndRecord() {
    String longPart = "v=spf1 " + "ip4:192.0.2.1 ".repeat(20);
    String tail = "ip4:198.51.100.1 ".repeat(15) + "-all";
    StubDnsClient dns = new StubDnsClient().txt("big.test", List.of(longPart, tail))
        .add("big.test", MX, "10 mx.big.test");
    SpfAnalysis a = new SpfAnalyzer(dns).analyze("big.test");
    assertThat(finding(a, "spf.string-too-long").detail()).contains((longPart.length()) + " bytes");
    Finding size = finding(a, "spf.record-too-long");
    assertThat(size.severity()).isEqualTo(Severity.WARNING);
    assertThat(size.detail()).contains((longPart + tail).length() + " bytes");
  }

  @Test
  void analyze_includeLoop_detectedAndBounded() {
    StubDnsClient dns = mailDomain("v=spf1 include:a.test -all")
        .add("a.test", TXT, "v=spf1 include:b.test -all")
        .add("b.test", TXT, "v=spf1 include:a.test -all");
    SpfAnalysis a = new SpfAnalyzer(dns).analyze("shop.test");
    assertThat(finding(a, "spf.include-loop").detail())
        .isEqualTo("Loop: shop.test -> a.test -> b.test -> a.test.");
    assertThat(dns.queries().size()).isLessThan(10);
  }

  @Test
  void analyze_tooManyMxAndSyntaxError_reported() {
    StubDnsClient dns = mailDomain("v=spf1 mx:big.test include:bad.test -all")
        .add("bad.test", TXT, "v=spf1 ip4:1.2.3 -all");
    for (int i = 0; i < 11; i++) {
      dns.add("big.test", MX, i + " mx" + i + ".big.test");
    }
    SpfAnalysis a = new SpfAnalyzer(dns).analyze("shop.test");
    assertThat(finding(a, "spf.too-many-mx").detail()).contains("11 MX records");
    assertThat(finding(a, "spf.syntax-error").detail()).contains("bad.test")
        .contains("\"1.2.3\" is not a valid IPv4 address");
  }
}
