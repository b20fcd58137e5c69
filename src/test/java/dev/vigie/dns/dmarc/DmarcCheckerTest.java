package dev.vigie.dns.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import dev.vigie.dns.DnsStatus;
import dev.vigie.dns.psl.PublicSuffixes;
import java.util.List;
import org.junit.jupiter.api.Test;

class DmarcCheckerTest {

  private final StubDns dns = new StubDns();

  private DmarcCheckResult check(String domain) {
    return new DmarcChecker(dns).check(domain);
  }

  private static List<String> codes(DmarcCheckResult r) {
    return r.findings().stream().map(Finding::code).toList();
  }

  private static Finding only(DmarcCheckResult r, String code) {
    return r.findings().stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow();
  }

  private List<String> dmarcQueries() {
    return dns.asked.stream().filter(n -> n.startsWith("_dmarc.")).toList();
  }

  @Test
  void check_goodRecord_noFindings() {
    dns.txt("_dmarc.example.com", "v=DMARC1; p=reject; rua=mailto:dmarc@example.com");
    DmarcCheckResult r = check("Example.COM.");
    assertThat(r.findings()).isEmpty();
    assertThat(r.domain()).isEqualTo("example.com");
    assertThat(r.recordDomain()).isEqualTo("example.com");
    assertThat(r.record().policy()).isEqualTo(Policy.REJECT);
    assertThat(dmarcQueries()).containsExactly("_dmarc.example.com");
  }

  @Test
  void check_noRecord_missingWithFix() {
    DmarcCheckResult r = check("example.com");
    assertThat(codes(r)).containsExactly("dmarc.missing");
    Finding f = r.findings().get(0);
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.fix()).contains("_dmarc.example.com").contains("v=DMARC1; p=none; "
        + "rua=mailto:dmarc@example.com");
    assertThat(dmarcQueries()).containsExactly("_dmarc.example.com", "_dmarc.com");
  }

  @Test
  void check_timeout_temporaryNotMissing() {
    dns.status("_dmarc.example.com", DnsStatus.TIMEOUT);
    DmarcCheckResult r = check("example.com");
    assertThat(codes(r)).containsExactly("dmarc.temporary-error");
    assertThat(r.temporaryError()).isTrue();
    assertThat(r.record()).isNull();
    assertThat(r.findings().get(0).detail()).contains("TIMEOUT");
  }

  @Test
  void check_servfailHigherUp_temporary() {
    dns.status("_dmarc.example.com", DnsStatus.SERVFAIL);
    DmarcCheckResult r = check("mail.example.com");
    assertThat(codes(r)).containsExactly("dmarc.temporary-error");
    assertThat(dmarcQueries()).containsExactly("_dmarc.mail.example.com", "_dmarc.example.com");
  }

  @Test
  void check_apexTimeout_ignored() {
    dns.txt("_dmarc.example.com", "v=DMARC1; p=reject; rua=mailto:dmarc@example.com");
    dns.status("example.com", DnsStatus.TIMEOUT);
    assertThat(check("example.com").findings()).isEmpty();
  }

  @Test
  void check_multipleRecords_errorAndNoPolicy() {
    dns.txt("_dmarc.example.com", "v=DMARC1; p=reject", "v=DMARC1; p=none");
    DmarcCheckResult r = check("example.com");
    assertThat(codes(r)).containsExactly("dmarc.multiple-records");
    assertThat(r.record()).isNull();
    assertThat(r.findings().get(0).detail()).contains("has 2 DMARC records");
  }

  @Test
  void check_unrelatedAndSpfTxtAtDmarc_errors() {
    dns.txt("_dmarc.example.com", "google-site-verification=abc", "v=spf1 -all",
        "v=DMARC1; p=reject; rua=mailto:dmarc@example.com");
    DmarcCheckResult r = check("example.com");
    assertThat(codes(r)).containsExactly("dmarc.unrelated-txt", "dmarc.spf-record-at-dmarc");
    assertThat(only(r, "dmarc.spf-record-at-dmarc").fix()).contains("TXT record at example.com");
    assertThat(r.record().policy()).isEqualTo(Policy.REJECT);
  }

  @Test
  void check_recordAtApex_warnedAndMissing() {
    dns.txt("example.com", "v=spf1 -all", "v=DMARC1; p=reject");
    DmarcCheckResult r = check("example.com");
    assertThat(codes(r)).containsExactly("dmarc.missing", "dmarc.record-at-apex");
    assertThat(only(r, "dmarc.record-at-apex").severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void check_subdomain_inheritsOrganisationalRecord() {
    dns.txt("_dmarc.example.com", "v=DMARC1; p=reject; sp=quarantine; rua=mailto:d@example.com");
    DmarcCheckResult r = check("mail.example.com");
    assertThat(r.recordDomain()).isEqualTo("example.com");
    assertThat(codes(r)).containsExactly("dmarc.inherited-policy");
    assertThat(only(r, "dmarc.inherited-policy").detail()).endsWith("quarantine.");
  }

  @Test
  void check_treeWalk_shortcutEightQueriesAtMost() {
    DmarcCheckResult r = check("a.b.c.d.e.f.g.h.i.mail.example.com");
    assertThat(dmarcQueries()).containsExactly(
        "_dmarc.a.b.c.d.e.f.g.h.i.mail.example.com",
        "_dmarc.f.g.h.i.mail.example.com",
        "_dmarc.g.h.i.mail.example.com",
        "_dmarc.h.i.mail.example.com",
        "_dmarc.i.mail.example.com",
        "_dmarc.mail.example.com",
        "_dmarc.example.com",
        "_dmarc.com");
    assertThat(codes(r)).containsExactly("dmarc.missing");
  }

  @Test
  void check_treeWalk_publicSuffixDomainRecord() {
    dns.txt("_dmarc.example", "v=DMARC1; p=reject; psd=y; rua=mailto:psd@registry.example");
    DmarcCheckResult r = check("shop.example");
    assertThat(r.recordDomain()).isEqualTo("example");
    assertThat(r.record().psd()).isEqualTo(PsdFlag.YES);
    assertThat(codes(r)).contains("dmarc.inherited-policy");
  }

  @Test
  void check_rfc7489_fallsBackToPslOrganisationalDomain() {
    dns.txt("_dmarc.example.co.uk", "v=DMARC1; p=reject; rua=mailto:d@example.co.uk");
    DmarcCheckResult r = new DmarcChecker(dns, DmarcMode.RFC7489, PublicSuffixes.bundled())
        .check("mail.shop.example.co.uk");
    assertThat(r.recordDomain()).isEqualTo("example.co.uk");
    assertThat(dmarcQueries()).containsExactly("_dmarc.mail.shop.example.co.uk",
        "_dmarc.example.co.uk");
  }

  @Test
  void check_policyNone_unenforcedWithExactRecord() {
    dns.txt("_dmarc.example.com", "v=DMARC1; p=none; rua=mailto:dmarc@example.com");
    DmarcCheckResult r = check("example.com");
    Finding f = only(r, "dmarc.policy-none");
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.fix()).contains("\"v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com\"");
  }

  @Test
  void check_subdomainPolicyNone_warned() {
    dns.txt("_dmarc.example.com", "v=DMARC1; p=reject; sp=none; rua=mailto:d@example.com");
    Finding f = only(check("example.com"), "dmarc.subdomain-policy-none");
    assertThat(f.fix()).contains("\"v=DMARC1; p=reject; sp=reject; rua=mailto:d@example.com\"");
  }

  @Test
  void check_noRuaAndTesting_advised() {
    dns.txt("_dmarc.example.com", "v=DMARC1; p=reject; t=y");
    DmarcCheckResult r = check("example.com");
    assertThat(codes(r)).containsExactly("dmarc.testing-mode", "dmarc.no-rua");
    assertThat(only(r, "dmarc.no-rua").fix())
        .contains("\"v=DMARC1; p=reject; t=y; rua=mailto:dmarc@example.com\"");
    assertThat(only(r, "dmarc.testing-mode").fix()).contains("\"v=DMARC1; p=reject\"");
  }

  @Test
  void check_externalDestination_unauthorised() {
    dns.txt("_dmarc.example.com", "v=DMARC1; p=reject; rua=mailto:reports@vendor.example.net");
    DmarcCheckResult r = check("example.com");
    Finding f = only(r, "dmarc.external-destination-unauthorised");
    assertThat(f.fix()).contains(
        "example.com._report._dmarc.vendor.example.net. IN TXT \"v=DMARC1;\"");
    assertThat(f.summary()).contains("vendor.example.net");
    assertThat(dns.asked).contains("example.com._report._dmarc.vendor.example.net",
        "*._report._dmarc.vendor.example.net");
  }

  @Test
  void check_externalDestination_authorisedExactly() {
    dns.txt("_dmarc.example.com", "v=DMARC1; p=reject; rua=mailto:reports@vendor.example.net");
    dns.txt("example.com._report._dmarc.vendor.example.net", "v=DMARC1;");
    assertThat(check("example.com").findings()).isEmpty();
  }

  @Test
  void check_externalDestination_authorisedByWildcard() {
    dns.txt("_dmarc.example.com", "v=DMARC1; p=reject; ruf=mailto:f@vendor.example.net;"
        + " rua=mailto:d@example.com");
    dns.txt("*._report._dmarc.vendor.example.net", "v=DMARC1");
    assertThat(check("example.com").findings()).isEmpty();
  }

  @Test
  void check_externalDestination_sameOrganisationNotLookedUp() {
    dns.txt("_dmarc.example.com", "v=DMARC1; p=reject; rua=mailto:d@reports.example.com");
    assertThat(check("example.com").findings()).isEmpty();
    assertThat(dns.asked).noneMatch(n -> n.contains("_report"));
  }

  @Test
  void check_externalDestination_timeoutTemporary() {
    dns.txt("_dmarc.example.com", "v=DMARC1; p=reject; rua=mailto:reports@vendor.example.net");
    dns.status("example.com._report._dmarc.vendor.example.net", DnsStatus.SERVFAIL);
    DmarcCheckResult r = check("example.com");
    assertThat(codes(r)).containsExactly("dmarc.temporary-error");
    assertThat(r.record()).isNotNull();
  }

  @Test
  void check_hostileDestinations_lookupsBounded() {
    StringBuilder rua = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      rua.append(i == 0 ? "" : ",").append("mailto:r@vendor").append(i).append(".example.net");
    }
    dns.txt("_dmarc.example.com", "v=DMARC1; p=reject; rua=" + rua);
    DmarcCheckResult r = check("example.com");
    assertThat(dns.asked.stream().filter(n -> n.contains("._report._dmarc.")).count())
        .isEqualTo(2L * ExternalDestinations.MAX_DESTINATIONS);
    assertThat(r.findings().stream().filter(
        f -> f.code().equals("dmarc.external-destination-unauthorised"))).hasSize(10);
  }

  @Test
  void check_invalidDomain_noLookups() {
    for (String bad : List.of("", "exa mple.com", "a..com", "x".repeat(64) + ".com",
        "a.".repeat(130) + "com", "_dmarc.example.com")) {
      DmarcCheckResult r = check(bad);
      assertThat(codes(r)).as(bad).containsExactly("dmarc.invalid-domain");
    }
    assertThat(dns.asked).isEmpty();
  }

  @Test
  void check_garbageRecord_reportedNotCrashed() {
    dns.txt("_dmarc.example.com", "v=DMARC1\u0000\u0001;;p=");
    DmarcCheckResult r = check("example.com");
    assertThat(r.record()).isNull();
    assertThat(r.recordText()).isEqualTo("v=DMARC1\u0000\u0001;;p=");
    assertThat(codes(r)).containsExactly("dmarc.version-not-first");
  }

  @Test
  void check_wrongCaseVersion_explainedNotUnrelated() {
    dns.txt("_dmarc.example.com", "V = dmarc1; p=reject");
    DmarcCheckResult r = check("example.com");
    assertThat(codes(r)).containsExactly("dmarc.invalid-version");
  }

  @Test
  void check_hostileLongRecord_bounded() {
    dns.txt("_dmarc.example.com", "v=DMARC1; p=reject; " + "zz=1;".repeat(12_000));
    DmarcCheckResult r = check("example.com");
    assertThat(r.findings().size()).isLessThan(DmarcParser.MAX_FINDINGS + 5);
    assertThat(codes(r)).contains("dmarc.too-many-problems");
  }
}
