package dev.vigie.report.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MailDatesTest {
  @Test
  void parse_rfc5322Variants() {
    Instant t = Instant.parse("2018-10-01T09:20:27Z");
    assertThat(MailDates.parse("Mon, 01 Oct 2018 11:20:27 +0200")).isEqualTo(t);
    assertThat(MailDates.parse("Mon,  1 Oct 2018 11:20:27 +0200 (CEST)")).isEqualTo(t);
    assertThat(MailDates.parse("01 Oct 2018 11:20:27 +0200")).isEqualTo(t);
    assertThat(MailDates.parse("Mon, 1 Oct 18 09:20:27 GMT")).isEqualTo(t);
    assertThat(MailDates.parse("Mon, 1 October 2018 05:20:27 EDT")).isEqualTo(t);
    assertThat(MailDates.parse("Fri, 28 Sep 2018 08:48:36.716 +0000 (UTC)"))
        .isEqualTo(Instant.parse("2018-09-28T08:48:36Z"));
  }

  @Test
  void parse_isoFallback() {
    assertThat(MailDates.parse("2024-01-02T03:04:05Z")).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
    assertThat(MailDates.parse("2024-01-02 03:04:05+0100"))
        .isEqualTo(Instant.parse("2024-01-02T02:04:05Z"));
  }

  @Test
  void parse_nonsense_null() {
    assertThat(MailDates.parse(null)).isNull();
    assertThat(MailDates.parse("")).isNull();
    assertThat(MailDates.parse("yesterday")).isNull();
    assertThat(MailDates.parse("31 Feb 2024 10:00:00 +0000")).isNull();
    assertThat(MailDates.parse("1 Foo 2024 10:00:00 +0000")).isNull();
    assertThat(MailDates.parse("1 Jan 2024 10:00:00 +9999")).isNull();
    assertThat(MailDates.parse("9".repeat(500))).isNull();
  }
}
