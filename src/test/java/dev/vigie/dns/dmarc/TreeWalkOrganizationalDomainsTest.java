package dev.vigie.dns.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.dns.DnsStatus;
import org.junit.jupiter.api.Test;

/** RFC 9989 "Organizational Domain Discovery" examples, and the tree walk's edges. */
class TreeWalkOrganizationalDomainsTest {

  private final StubDns dns = new StubDns();
  private final TreeWalkOrganizationalDomains walk = new TreeWalkOrganizationalDomains(dns);

  @Test
  void organizationalDomain_rfcExample_shortestRecordWins() {
    dns.txt("_dmarc.mail.example.com", "v=DMARC1; p=reject");
    dns.txt("_dmarc.example.com", "v=DMARC1; p=none");
    assertThat(walk.organizationalDomain("a.mail.example.com")).contains("example.com");
    assertThat(dns.asked).containsExactly("_dmarc.a.mail.example.com", "_dmarc.mail.example.com",
        "_dmarc.example.com", "_dmarc.com");
  }

  @Test
  void organizationalDomain_rfcExample_psdYesAtTld() {
    dns.txt("_dmarc.com", "v=DMARC1; p=reject; psd=y");
    assertThat(walk.organizationalDomain("a.mail.example.com")).contains("example.com");
  }

  @Test
  void organizationalDomain_psdNo_stopsThere() {
    dns.txt("_dmarc.mail.example.com", "v=DMARC1; p=reject; psd=n");
    dns.txt("_dmarc.example.com", "v=DMARC1; p=none");
    assertThat(walk.organizationalDomain("a.mail.example.com")).contains("mail.example.com");
    assertThat(dns.asked).hasSize(2);
  }

  @Test
  void organizationalDomain_psdYesAtStart_isItsOwn() {
    dns.txt("_dmarc.example", "v=DMARC1; p=reject; psd=y");
    assertThat(walk.organizationalDomain("example")).contains("example");
  }

  @Test
  void organizationalDomain_noRecords_domainItself() {
    assertThat(walk.organizationalDomain("A.Mail.Example.com.")).contains("a.mail.example.com");
  }

  @Test
  void organizationalDomain_multipleOrInvalidRecordsIgnored_timeoutSkipped() {
    dns.txt("_dmarc.mail.example.com", "v=DMARC1; p=reject");
    dns.txt("_dmarc.example.com", "v=DMARC1; p=none", "v=DMARC1; p=reject");
    dns.status("_dmarc.com", DnsStatus.TIMEOUT);
    assertThat(walk.organizationalDomain("a.mail.example.com")).contains("mail.example.com");
  }

  @Test
  void organizationalDomain_invalidName_empty() {
    assertThat(walk.organizationalDomain("bad name")).isEmpty();
    assertThat(dns.asked).isEmpty();
  }

  @Test
  void aligned_withTreeWalk_rfcExample() {
    dns.txt("_dmarc.example.com", "v=DMARC1; p=reject");
    assertThat(Alignment.aligned("a.mail.example.com", "example.com", AlignmentMode.RELAXED,
        walk)).isTrue();
  }
}
