package dev.vigie.ingest.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecipientPolicyTest {
  final RecipientPolicy policy = new RecipientPolicy(List.of("DMARC@msp.example", "@Reports.example"));

  @Test
  void accepts_exactAddressIgnoringCase() {
    assertThat(policy.accepts("dmarc@MSP.example")).isTrue();
    assertThat(policy.accepts("dmarc2@msp.example")).isFalse();
    assertThat(policy.accepts("dmarc@sub.msp.example")).isFalse();
  }

  @Test
  void accepts_wholeDomainButNotSubdomains() {
    assertThat(policy.accepts("anything@reports.EXAMPLE")).isTrue();
    assertThat(policy.accepts("x@sub.reports.example")).isFalse();
    assertThat(policy.accepts("reports.example")).isFalse();
    assertThat(policy.accepts("@reports.example")).isFalse();
  }

  @Test
  void validate_refusesMalformedEntries() {
    for (String bad : List.of("", "dmarc", "dmarc@", "a@b@c", "a b@c", "<a@b>")) {
      assertThatThrownBy(() -> RecipientPolicy.validate(bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
