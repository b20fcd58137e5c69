package dev.vigie.dns.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigie.dns.DnsAnswer;
import dev.vigie.dns.DnsStatus;
import dev.vigie.dns.RecordType;
import dev.vigie.testing.LocalBind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production client against a real BIND 9 on loopback. */
class DnsjavaClientBindTest {
  @TempDir static Path dir;
  static LocalBind bind;
  static DnsjavaClient dns;

  @BeforeAll
  static void startBind() throws Exception {
    assumeTrue(LocalBind.available(), "BIND 9 (named) is not installed; .ci/run installs it");
    bind = LocalBind.start(dir, Map.of(
        "example.test", """
            @        IN MX 10 mx1
            @        IN MX 20 mx2.other.test.
            @        IN TXT "v=spf1 ip4:192.0.2.0/24 " "include:_spf.other.test -all"
            _dmarc   IN TXT "v=DMARC1; p=reject; rua=mailto:d@example.test"
            mx1      IN A 192.0.2.10
            mx1      IN AAAA 2001:db8::10
            www      IN CNAME mx1
            away     IN CNAME mx2.other.test.
            loop1    IN CNAME loop2
            loop2    IN CNAME loop1
            big      IN TXT %s
            """.formatted(bigTxt()),
        "other.test", """
            mx2      IN A 198.51.100.20
            _spf     IN TXT "v=spf1 ip4:198.51.100.0/24 ~all"
            """,
        "2.0.192.in-addr.arpa", """
            10       IN PTR mx1.example.test.
            """));
    dns = bind.client();
  }

  /** Eight 250-byte strings: a 2 KB answer, over the 1,232-byte EDNS UDP size, so TC then TCP. */
  static String bigTxt() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      b.append('"').append(Character.toString('a' + i).repeat(250)).append("\" ");
    }
    return b.toString().strip();
  }

  @AfterAll
  static void stopBind() {
    if (bind != null) {
      bind.close();
    }
  }

  @Test
  void lookup_mxInPreferenceForm() {
    DnsAnswer a = dns.lookup("Example.TEST.", RecordType.MX);
    assertThat(a.status()).isEqualTo(DnsStatus.NOERROR);
    assertThat(a.name()).isEqualTo("example.test");
    assertThat(a.records()).containsExactlyInAnyOrder("10 mx1.example.test", "20 mx2.other.test");
  }

  @Test
  void lookup_txtJoinsStringsAndKeepsThem() {
    DnsAnswer a = dns.lookup("example.test", RecordType.TXT);
    assertThat(a.records())
        .containsExactly("v=spf1 ip4:192.0.2.0/24 include:_spf.other.test -all");
    assertThat(a.txtStrings()).containsExactly(
        List.of("v=spf1 ip4:192.0.2.0/24 ", "include:_spf.other.test -all"));
  }

  @Test
  void lookup_truncatedUdpAnswerIsRetriedOverTcp() {
    DnsAnswer a = dns.lookup("big.example.test", RecordType.TXT);
    assertThat(a.status()).isEqualTo(DnsStatus.NOERROR);
    assertThat(a.records()).singleElement().satisfies(t -> assertThat(t).hasSize(2000));
    assertThat(a.txtStrings().get(0)).hasSize(8);
  }

  @Test
  void lookup_addressesAndPtr() {
    assertThat(dns.lookup("mx1.example.test", RecordType.A).records()).containsExactly("192.0.2.10");
    assertThat(dns.lookup("mx1.example.test", RecordType.AAAA).records())
        .containsExactly("2001:db8:0:0:0:0:0:10");
    assertThat(dns.lookup("10.2.0.192.in-addr.arpa", RecordType.PTR).records())
        .containsExactly("mx1.example.test");
  }

  @Test
  void lookup_followsCnameInZoneAndAcrossZones() {
    assertThat(dns.lookup("www.example.test", RecordType.A).records()).containsExactly("192.0.2.10");
    assertThat(dns.lookup("away.example.test", RecordType.A).records())
        .containsExactly("198.51.100.20");
  }

  @Test
  void lookup_nxdomainAndNodataAreDistinct() {
    DnsAnswer nx = dns.lookup("nope.example.test", RecordType.TXT);
    assertThat(nx.status()).isEqualTo(DnsStatus.NXDOMAIN);
    DnsAnswer nodata = dns.lookup("mx1.example.test", RecordType.TXT);
    assertThat(nodata.status()).isEqualTo(DnsStatus.NOERROR);
    assertThat(nodata.records()).isEmpty();
    assertThat(nodata.isEmpty()).isTrue();
  }

  @Test
  void lookup_cnameLoopEndsWithoutRecords() {
    DnsAnswer a = dns.lookup("loop1.example.test", RecordType.A);
    assertThat(a.records()).isEmpty();
    assertThat(a.status()).isIn(DnsStatus.NOERROR, DnsStatus.SERVFAIL);
  }

  @Test
  void lookup_zoneNotServedIsRefused() {
    DnsAnswer a = dns.lookup("example.org", RecordType.A);
    assertThat(a.status()).isEqualTo(DnsStatus.REFUSED);
    assertThat(a.status().isTemporary()).isTrue();
  }
}
