package dev.vigie.dns.spf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpAddressTest {
  @Test
  void parse_rejectsMalformed() {
    for (String bad : new String[] {"1.2.3", "1.2.3.4.5", "01.2.3.4", "256.1.1.1", ":CAFE::BABE",
        "1::2::3", "1:2:3:4:5:6:7:8:9", "12345::", "::1.2.3", "g::1", ""}) {
      assertThat(IpAddress.parse(bad)).as(bad).isNull();
    }
  }

  @Test
  void text_rfc5952() {
    assertThat(IpAddress.parse("CAFE:BABE:0:0:0:0:0:1").text()).isEqualTo("cafe:babe::1");
    assertThat(IpAddress.parse("2001:db8:0:1:0:0:0:1").text()).isEqualTo("2001:db8:0:1::1");
    assertThat(IpAddress.parse("2001:db8:0:1:1:1:1:1").text()).isEqualTo("2001:db8:0:1:1:1:1:1");
    assertThat(IpAddress.parse("::").text()).isEqualTo("::");
    assertThat(IpAddress.parse("::1.1.1.1").text()).isEqualTo("::101:101");
  }

  @Test
  void dottedAndReverseName_nibbles() {
    IpAddress a = IpAddress.parse("2001:db8::cb01");
    assertThat(a.dotted()).startsWith("2.0.0.1.0.D.B.8.").endsWith("C.B.0.1");
    assertThat(a.reverseName()).isEqualTo(
        "1.0.B.C.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.B.D.0.1.0.0.2.ip6.arpa");
    assertThat(IpAddress.parse("192.0.2.3").reverseName()).isEqualTo("3.2.0.192.in-addr.arpa");
  }

  @Test
  void unmapped_ipv4MappedBecomesIpv4() {
    assertThat(IpAddress.parse("::FFFF:1.2.3.4").unmapped()).isEqualTo(IpAddress.parse("1.2.3.4"));
    assertThat(IpAddress.parse("::1.2.3.4").unmapped().isIpv4()).isFalse();
  }

  @Test
  void inNetwork_prefixes() {
    IpAddress ip = IpAddress.parse("192.0.2.130");
    assertThat(ip.inNetwork(IpAddress.parse("192.0.2.128"), 25)).isTrue();
    assertThat(ip.inNetwork(IpAddress.parse("192.0.2.0"), 25)).isFalse();
    assertThat(ip.inNetwork(IpAddress.parse("10.0.0.0"), 0)).isTrue();
    assertThat(ip.inNetwork(IpAddress.parse("::"), 0)).isFalse();
  }
}
