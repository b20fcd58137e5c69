package dev.vigie.dns.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.check.Finding;
import dev.vigie.dns.DnsStatus;
import dev.vigie.dns.MapDns;
import dev.vigie.dns.RecordType;
import org.junit.jupiter.api.Test;

class DnssecCheckTest {
  private static MapDns signed() {
    return new MapDns()
        .add("signed.example", RecordType.SOA, "ns.signed.example. h.signed.example. 1 2 3 4 5")
        .add("signed.example", RecordType.DNSKEY, "257 3 13 mdsswUyr3DPW132mOi8V9xESWE8jTo0d")
        .add("signed.example", RecordType.DS, "2371 13 2 1F987CC6583E92DF0890718C42");
  }

  @Test
  void check_validatedWhenSignedDelegatedAndAuthenticated() {
    DnssecCheck.Result r = new DnssecCheck(signed().authenticated(true)).check("signed.example");
    assertThat(r.status()).isEqualTo(DnssecStatus.VALIDATED);
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void check_signedButNotValidated() {
    DnssecCheck.Result r = new DnssecCheck(signed()).check("signed.example");
    assertThat(r.status()).isEqualTo(DnssecStatus.SIGNED_NOT_VALIDATED);
    assertThat(r.findings()).extracting(Finding::code).containsExactly("dnssec.not-validated");
  }

  @Test
  void check_keysWithoutDsAndUnsigned() {
    MapDns dns = new MapDns()
        .add("nods.example", RecordType.DNSKEY, "257 3 13 abc")
        .add("plain.example", RecordType.SOA, "ns. h. 1 2 3 4 5");
    assertThat(new DnssecCheck(dns).check("nods.example").status()).isEqualTo(DnssecStatus.SIGNED_NO_DS);
    DnssecCheck.Result plain = new DnssecCheck(dns).check("plain.example");
    assertThat(plain.status()).isEqualTo(DnssecStatus.UNSIGNED);
    assertThat(plain.findings()).extracting(Finding::code).containsExactly("dnssec.unsigned");
  }

  @Test
  void check_timeoutIsUnknown() {
    MapDns dns = new MapDns().fail("slow.example", RecordType.DNSKEY, DnsStatus.TIMEOUT);
    assertThat(new DnssecCheck(dns).check("slow.example").status()).isEqualTo(DnssecStatus.UNKNOWN);
  }
}
