package dev.vigie.road;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublishedPolicyTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "v=DMARC1; p=none; rua=mailto:a@b.example | MONITORING | false",
      "v=DMARC1; p=quarantine                  | QUARANTINE | false",
      "v=DMARC1; p=quarantine; pct=25          | QUARANTINE | true",
      "v=DMARC1; p=quarantine; t=y             | QUARANTINE | true",
      "v=DMARC1; p=reject; pct=50              | QUARANTINE | true",
      "v=DMARC1; p=reject; t=y                 | QUARANTINE | true",
      "v=DMARC1; p=reject; pct=100             | REJECT     | false",
      "v=DMARC1; p=reject                      | REJECT     | false",
      "v=spf1 -all                             | NONE       | false",
  })
  void fromDns_stage(String record, Stage stage, boolean partial) {
    PublishedPolicy p = PublishedPolicy.fromDns(record);
    assertThat(p.stage()).isEqualTo(stage);
    assertThat(p.partial()).isEqualTo(partial);
  }

  @ParameterizedTest
  @CsvSource({"none,MONITORING", "Quarantine,QUARANTINE", "reject,REJECT", "bogus,NONE"})
  void fromReport_stage(String p, Stage stage) {
    assertThat(PublishedPolicy.fromReport(p, null).stage()).isEqualTo(stage);
  }
}
