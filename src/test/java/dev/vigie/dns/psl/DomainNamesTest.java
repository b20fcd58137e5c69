package dev.vigie.dns.psl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DomainNamesTest {

  @Test
  void normalise_caseTrailingDotAndServiceLabels() {
    assertThat(DomainNames.normalise(" Mail.Example.COM. ")).isEqualTo("mail.example.com");
    assertThat(DomainNames.normalise("_dmarc.example.com")).isEqualTo("_dmarc.example.com");
    assertThat(DomainNames.normalise("食狮.中国")).isEqualTo("食狮.中国");
  }

  @Test
  void normalise_invalidNames_null() {
    assertThat(DomainNames.normalise(null)).isNull();
    assertThat(DomainNames.normalise("")).isNull();
    assertThat(DomainNames.normalise(".")).isNull();
    assertThat(DomainNames.normalise("a..b")).isNull();
    assertThat(DomainNames.normalise(".a.b")).isNull();
    assertThat(DomainNames.normalise("a b.com")).isNull();
    assertThat(DomainNames.normalise("a;b.com")).isNull();
    assertThat(DomainNames.normalise("x".repeat(64) + ".com")).isNull();
    assertThat(DomainNames.normalise("x".repeat(63) + ".com")).isNotNull();
    assertThat(DomainNames.normalise("a.".repeat(127) + "com")).isNull();
  }

  @Test
  void normaliseHost_requiresTwoLdhLabels() {
    assertThat(DomainNames.normaliseHost("Reports.Example.NET")).isEqualTo("reports.example.net");
    assertThat(DomainNames.normaliseHost("localhost")).isNull();
    assertThat(DomainNames.normaliseHost("_x.example.com")).isNull();
    assertThat(DomainNames.normaliseHost("-a.example.com")).isNull();
  }

  @Test
  void labels_countLastAndBelow() {
    assertThat(DomainNames.labelCount("a.mail.example.com")).isEqualTo(4);
    assertThat(DomainNames.lastLabels("a.mail.example.com", 2)).isEqualTo("example.com");
    assertThat(DomainNames.lastLabels("a.mail.example.com", 9)).isEqualTo("a.mail.example.com");
    assertThat(DomainNames.isAtOrBelow("mail.example.com", "example.com")).isTrue();
    assertThat(DomainNames.isAtOrBelow("badexample.com", "example.com")).isFalse();
  }
}
