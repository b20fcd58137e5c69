package dev.vigie.dns.mx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.check.Finding;
import dev.vigie.dns.DnsStatus;
import dev.vigie.dns.MapDns;
import dev.vigie.dns.RecordType;
import org.junit.jupiter.api.Test;

class MxCheckTest {
  private static MapDns healthy() {
    return new MapDns()
        .add("example.com", RecordType.MX, "20 mx2.example.com", "10 mx1.example.com")
        .add("mx1.example.com", RecordType.A, "192.0.2.1")
        .add("mx2.example.com", RecordType.A, "192.0.2.2")
        .add("mx2.example.com", RecordType.AAAA, "2001:db8:0:0:0:0:0:2")
        .add("1.2.0.192.in-addr.arpa", RecordType.PTR, "mx1.example.com")
        .add("2.2.0.192.in-addr.arpa", RecordType.PTR, "mx2.example.com")
        .add("2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa",
            RecordType.PTR, "mx2.example.com");
  }

  @Test
  void check_healthyDomainHostsInPreferenceOrder() {
    MxResult r = new MxCheck(healthy()).check("example.com");
    assertThat(r.hostNames()).containsExactly("mx1.example.com", "mx2.example.com");
    assertThat(r.hosts()).allMatch(MxHost::forwardConfirmed);
    assertThat(r.hosts().get(1).addresses()).containsExactly("192.0.2.2", "2001:db8:0:0:0:0:0:2");
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void check_missingPtrAndMismatchedPtr() {
    MapDns dns = healthy().add("9.9.9.9.in-addr.arpa", RecordType.PTR, "x")
        .add("example.org", RecordType.MX, "10 a.example.org", "20 b.example.org")
        .add("a.example.org", RecordType.A, "198.51.100.1")
        .add("b.example.org", RecordType.A, "198.51.100.2")
        .add("2.100.51.198.in-addr.arpa", RecordType.PTR, "elsewhere.example.net")
        .add("elsewhere.example.net", RecordType.A, "203.0.113.9");
    MxResult r = new MxCheck(dns).check("example.org");
    assertThat(r.findings()).extracting(Finding::code)
        .containsExactly("mx.no-reverse-dns", "mx.fcrdns-mismatch");
    assertThat(r.findings().get(0).fix()).contains("198.51.100.1").contains("a.example.org");
  }

  @Test
  void check_hostWithoutAddressIsAnError() {
    MapDns dns = new MapDns().add("example.net", RecordType.MX, "10 gone.example.net");
    MxResult r = new MxCheck(dns).check("example.net");
    assertThat(r.findings()).extracting(Finding::code).containsExactly("mx.host-without-address");
  }

  @Test
  void check_nullMxMissingAndNxdomain() {
    MapDns dns = new MapDns().add("parked.example", RecordType.MX, "0 .")
        .add("nomx.example", RecordType.A, "192.0.2.7");
    assertThat(new MxCheck(dns).check("parked.example").nullMx()).isTrue();
    assertThat(new MxCheck(dns).check("nomx.example").findings()).extracting(Finding::code)
        .containsExactly("mx.missing");
    assertThat(new MxCheck(dns).check("absent.example").findings()).extracting(Finding::code)
        .containsExactly("mx.domain-not-found");
  }

  @Test
  void check_timeoutIsTemporaryNotAVerdict() {
    MapDns dns = new MapDns().fail("slow.example", RecordType.MX, DnsStatus.TIMEOUT);
    MxResult r = new MxCheck(dns).check("slow.example");
    assertThat(r.findings()).extracting(Finding::code).containsExactly("mx.temporary-error");
  }

  @Test
  void reverseName_ipv4AndIpv6() {
    assertThat(ReverseName.of("192.0.2.1")).isEqualTo("1.2.0.192.in-addr.arpa");
    assertThat(ReverseName.of("2001:db8::1")).isEqualTo(
        "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa");
  }
}
