package dev.vigie.ingest.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ReceivedHeaderTest {
  static final ZonedDateTime WHEN = ZonedDateTime.parse("2026-03-01T09:05:07Z");

  @Test
  void bytes_foldedTraceLinePerRfc5321Section4_4() throws Exception {
    byte[] h = new ReceivedHeader("mail.google.com", InetAddress.getByName("192.0.2.7"),
        "mx.vigie.test", "ESMTPS", "0a1b2c", "dmarc@msp.example", WHEN).bytes();
    assertThat(new String(h, StandardCharsets.US_ASCII)).isEqualTo(
        "Received: from mail.google.com ([192.0.2.7])\r\n\tby mx.vigie.test (Vigie) with ESMTPS"
            + " id 0a1b2c\r\n\tfor <dmarc@msp.example>; Sun, 1 Mar 2026 09:05:07 +0000\r\n");
  }

  @Test
  void bytes_ipv6LiteralAndNoForClause() throws Exception {
    String h = new String(new ReceivedHeader("x", InetAddress.getByName("2001:db8::1"), "mx",
        "SMTP", "1", null, WHEN).bytes(), StandardCharsets.US_ASCII);
    assertThat(h).startsWith("Received: from x ([IPv6:2001:db8:0:0:0:0:0:1])\r\n")
        .doesNotContain("for");
  }

  @Test
  void cleanHelo_keepsOneHarmlessWord() {
    assertThat(ReceivedHeader.cleanHelo(" mail.example.com extra")).isEqualTo("mail.example.com");
    assertThat(ReceivedHeader.cleanHelo("[192.0.2.1]")).isEqualTo("[192.0.2.1]");
    assertThat(ReceivedHeader.cleanHelo("a\rb(c);d\u00e9")).isEqualTo("a?b?c??d?");
    assertThat(ReceivedHeader.cleanHelo("x".repeat(600))).hasSize(255);
  }
}
