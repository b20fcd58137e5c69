package dev.vigie.road;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.dns.dmarc.Policy;
import dev.vigie.dns.psl.PublicSuffixes;
import org.junit.jupiter.api.Test;

class DmarcRecordsTest {
  private static final PublicSuffixes PSL = PublicSuffixes.bundled();

  @Test
  void next_keepsTagsRaisesPolicyAndDropsPct() {
    PublishedPolicy now = PublishedPolicy.fromDns("v=DMARC1; p=none; sp=none; pct=50;"
        + " rua=mailto:d@msp.example,mailto:x@bakery.example; ruf=mailto:f@msp.example; fo=1;"
        + " adkim=s; ri=3600");
    NextRecord n = DmarcRecords.next("bakery.example", now, Policy.QUARANTINE, false, null);
    assertThat(n.record().name()).isEqualTo("_dmarc.bakery.example");
    assertThat(n.record().value()).isEqualTo("v=DMARC1; p=quarantine; sp=quarantine;"
        + " rua=mailto:d@msp.example,mailto:x@bakery.example; ruf=mailto:f@msp.example; fo=1;"
        + " adkim=s");
    assertThat(n.target()).isEqualTo(Stage.QUARANTINE);
    assertThat(n.notes()).containsExactly(Advice.of("road.record.pct-dropped", "50"));
    assertThat(n.record().zoneLine()).isEqualTo("_dmarc.bakery.example. IN TXT \""
        + n.record().value() + "\"");
  }

  @Test
  void next_neverLowersAStricterSubdomainPolicy() {
    PublishedPolicy now = PublishedPolicy.fromDns("v=DMARC1; p=none; sp=reject; np=reject");
    assertThat(DmarcRecords.next("a.example", now, Policy.QUARANTINE, false, null).record().value())
        .isEqualTo("v=DMARC1; p=quarantine; sp=reject; np=reject");
  }

  @Test
  void next_withTestingSetsTAndCountsAsOneStepWeaker() {
    PublishedPolicy now = PublishedPolicy.fromDns("v=DMARC1; p=quarantine; rua=mailto:d@m.example");
    NextRecord n = DmarcRecords.next("a.example", now, Policy.REJECT, true, null);
    assertThat(n.record().value()).isEqualTo("v=DMARC1; p=reject; rua=mailto:d@m.example; t=y");
    assertThat(n.target()).isEqualTo(Stage.QUARANTINE);
    assertThat(n.testing()).isTrue();
  }

  @Test
  void next_fromReportsOnlyWritesAMinimalRecordWithTheMspAddress() {
    NextRecord n = DmarcRecords.next("a.example", PublishedPolicy.fromReport("none", "reject"),
        Policy.QUARANTINE, false, "dmarc@reports.msp.example");
    assertThat(n.record().value())
        .isEqualTo("v=DMARC1; p=quarantine; sp=reject; rua=mailto:dmarc@reports.msp.example");
    assertThat(n.notes()).extracting(Advice::key).containsExactly("road.record.rebuilt-from-reports");
  }

  @Test
  void onboarding_newDomainGetsPNoneAndTheExternalAuthorisation() {
    Onboarding o = DmarcRecords.onboarding("Bakery.Example.", null, "dmarc@reports.msp.example",
        PSL);
    assertThat(o.dmarc().value()).isEqualTo("v=DMARC1; p=none; rua=mailto:dmarc@reports.msp.example");
    assertThat(o.authorisation()).isNotNull();
    assertThat(o.authorisation().name()).isEqualTo("bakery.example._report._dmarc.reports.msp.example");
    assertThat(o.authorisation().zoneLine())
        .isEqualTo("bakery.example._report._dmarc.reports.msp.example. IN TXT \"v=DMARC1\"");
  }

  @Test
  void onboarding_existingRecordKeepsPolicyAndAddsTheAddress() {
    Onboarding o = DmarcRecords.onboarding("law.example",
        "v=DMARC1; p=quarantine; rua=mailto:it@law.example; fo=1", "dmarc@reports.msp.example", PSL);
    assertThat(o.dmarc().value()).isEqualTo(
        "v=DMARC1; p=quarantine; rua=mailto:it@law.example,mailto:dmarc@reports.msp.example; fo=1");
    assertThat(o.notes()).extracting(Advice::key).containsExactly("road.onboarding.rua-added");
  }

  @Test
  void onboarding_sameOrganisationNeedsNoAuthorisation() {
    Onboarding o = DmarcRecords.onboarding("shop.law.example", null, "dmarc@law.example", PSL);
    assertThat(o.authorisation()).isNull();
  }
}
