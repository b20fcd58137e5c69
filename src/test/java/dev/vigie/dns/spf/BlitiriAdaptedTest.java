package dev.vigie.dns.spf;

import static dev.vigie.dns.RecordType.A;
import static dev.vigie.dns.RecordType.MX;
import static dev.vigie.dns.RecordType.TXT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.dns.StubDnsClient;
import org.junit.jupiter.api.Test;

/**
 * The blitiri scenarios {@link BlitiriSkips} skips, with every single-label name made multi-label
 * ("d11" becomes "d11.test"), so the behaviour they probe is checked under RFC 7208 naming rules.
 */
class BlitiriAdaptedTest {
  private static final String IP = "1.2.3.4";

  private static SpfResult check(StubDnsClient dns, String mailFrom) {
    return new SpfEvaluator(dns).check(IP, mailFrom, "");
  }

  /** okay: 5 includes, each including one more: exactly 10 lookups. bad: one more include. */
  private static StubDnsClient resolutionLimits() {
    StubDnsClient dns = new StubDnsClient()
        .add("okay.test", TXT, "v=spf1 include:d11.test include:d12.test"
            + " include:d13.test include:d14.test include:d15.test -all")
        .add("bad.test", TXT, "v=spf1 include:d00.test include:d11.test"
            + " include:d12.test include:d13.test include:d14.test include:d15.test -all")
        .add("d00.test", TXT, "v=spf1 -all");
    for (int i = 1; i <= 5; i++) {
      dns.add("d1" + i + ".test", TXT, "v=spf1 include:d2" + i
          + ".test ~all");
      dns.add("d2" + i + ".test", TXT, i == 5 ? "v=spf1 all"
          : "v=spf1 -all");
    }
    return dns;
  }

  @Test
  void check_resolutionWith10Lookups_passes() {
    SpfResult r = check(resolutionLimits(), "foo@okay.test");
    assertThat(r.verdict()).isEqualTo(SpfVerdict.PASS);
    assertThat(r.dnsLookups()).isEqualTo(10);
  }

  @Test
  void check_resolutionWith11Lookups_permerror() {
    SpfResult r = check(resolutionLimits(), "foo@bad.test");
    assertThat(r.verdict()).isEqualTo(SpfVerdict.PERMERROR);
    assertThat(r.reason()).contains("more than 10");
  }

  private static StubDnsClient mxTerms(int terms) {
    String record = "v=spf1" + " mx:domain.test".repeat(terms) + " all";
    return new StubDnsClient().add("mx.test", TXT, record)
        .add("domain.test", MX, "1 blah1.test").add("domain.test", MX, "2 blah2.test")
        .add("domain.test", MX, "3 blah3.test");
  }

  @Test
  void check_tenMxTermsWithThreeHostsEach_passes() {
    SpfResult r = check(mxTerms(10), "foo@mx.test");
    assertThat(r.verdict()).isEqualTo(SpfVerdict.PASS);
    assertThat(r.dnsLookups()).isEqualTo(10);
  }

  @Test
  void check_elevenMxTerms_permerror() {
    assertThat(check(mxTerms(11), "foo@mx.test").verdict()).isEqualTo(SpfVerdict.PERMERROR);
  }

  private static StubDnsClient nxdomainZone() {
    return new StubDnsClient()
        .add("d00.test", TXT, "v=spf1 mx -all")
        .add("d00.test", MX, "10 doesnotexist.test").add("d00.test", MX, "20 sender.test")
        .add("d01.test", TXT, "v=spf1 mx ip4:1.2.3.4 -all")
        .add("d01.test", MX, "10 doesnotexist.test").add("d01.test", MX, "20 doesnotexist.test")
        .add("d02.test", TXT, "v=spf1 include:doesnotexist.test all")
        .add("d03.test", TXT, "v=spf1 redirect=doesnotexist.test")
        .add("sender.test", A, IP);
  }

  @Test
  void check_oneMxNotFound_continuesWithTheNext() {
    assertThat(check(nxdomainZone(), "foo@d00.test").verdict()).isEqualTo(SpfVerdict.PASS);
  }

  @Test
  void check_allMxNotFound_continuesWithTheNextTerm() {
    assertThat(check(nxdomainZone(), "foo@d01.test").verdict()).isEqualTo(SpfVerdict.PASS);
  }

  @Test
  void check_domainNotFound_none() {
    assertThat(check(nxdomainZone(), "foo@doesnotexist.test").verdict())
        .isEqualTo(SpfVerdict.NONE);
  }

  @Test
  void check_includeNotFound_permerror() {
    assertThat(check(nxdomainZone(), "foo@d02.test").verdict()).isEqualTo(SpfVerdict.PERMERROR);
  }

  @Test
  void check_redirectNotFound_permerror() {
    assertThat(check(nxdomainZone(), "foo@d03.test").verdict()).isEqualTo(SpfVerdict.PERMERROR);
  }
}
