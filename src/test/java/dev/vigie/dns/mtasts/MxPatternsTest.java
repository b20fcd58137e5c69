package dev.vigie.dns.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MxPatternsTest {

  @ParameterizedTest(name = "{0} vs {1} -> {2}")
  @CsvSource({
      // RFC 8461 §4.1: exact match, case-insensitive; MX targets may carry the root dot.
      "mail.example.com, mail.example.com, true",
      "mail.example.com, MAIL.Example.COM., true",
      "mail.example.com, mail2.example.com, false",
      // "*.example.com" matches exactly one leftmost label.
      "*.example.com, mx1.example.com, true",
      "*.example.com, example.com, false",
      "*.example.com, a.b.example.com, false",
      "*.example.com, mx1.example.com.evil.net, false",
      "*.example.com, mx1.notexample.com, false",
      // Google Workspace's real MX hosts against its usual pattern.
      "*.google.com, aspmx.l.google.com, false",
      "*.l.google.com, aspmx.l.google.com, true",
      "*.mail.protection.outlook.com, contoso-com.mail.protection.outlook.com, true"
  })
  void matches_rfc8461Rules(String pattern, String host, boolean expected) {
    assertThat(MxPatterns.matches(pattern, host)).isEqualTo(expected);
  }
}
