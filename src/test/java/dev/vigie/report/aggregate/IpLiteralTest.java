package dev.vigie.report.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralTest {
  @ParameterizedTest
  @ValueSource(strings = {"192.0.2.1", "0.0.0.0", "255.255.255.255", "2001:db8::1", "::1", "::",
      "2001:DB8:0:0:8:800:200C:417A", "::ffff:192.0.2.128", "fe80::", "1:2:3:4:5:6:7::",
      "1:2:3:4:5:6:192.0.2.1"})
  void normalize_acceptsLiterals(String ip) {
    assertThat(IpLiteral.normalize(ip)).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "256.1.1.1", "1.2.3", "1.2.3.4.5", "01234.1.1.1", "example.com",
      "2001:db8:::1", "1::2::3", "12345::1", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "g::1",
      "fe80::1%eth0", "1.2.3.4::", "localhost"})
  void normalize_rejectsEverythingElse(String ip) {
    assertThat(IpLiteral.normalize(ip)).isNull();
  }
}
