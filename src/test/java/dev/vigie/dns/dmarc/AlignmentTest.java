package dev.vigie.dns.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.dns.psl.PublicSuffixes;
import org.junit.jupiter.api.Test;

/** The identifier-alignment examples of RFC 9989 ("DKIM-Authenticated Identifiers", "SPF-..."). */
class AlignmentTest {

  private static final PublicSuffixes PSL = PublicSuffixes.bundled();

  @Test
  void aligned_rfcDkimExample_relaxedYesStrictNo() {
    // d=example.com, RFC5322.From alerts@news.example.com
    assertThat(Alignment.aligned("example.com", "news.example.com", AlignmentMode.RELAXED, PSL))
        .isTrue();
    assertThat(Alignment.aligned("example.com", "news.example.com", AlignmentMode.STRICT, PSL))
        .isFalse();
  }

  @Test
  void aligned_rfcSpfExample_relaxedYesStrictNo() {
    // RFC5321.MailFrom cbg.bounces.example.com, RFC5322.From payments@example.com
    assertThat(Alignment.aligned("cbg.bounces.example.com", "example.com",
        AlignmentMode.RELAXED, PSL)).isTrue();
    assertThat(Alignment.aligned("cbg.bounces.example.com", "example.com",
        AlignmentMode.STRICT, PSL)).isFalse();
  }

  @Test
  void aligned_rfcDkimExample_publicSuffixNeverAligns() {
    // "a DKIM signature bearing a value of d=com would never allow an in alignment result"
    assertThat(Alignment.aligned("com", "example.com", AlignmentMode.RELAXED, PSL)).isFalse();
    assertThat(Alignment.aligned("com", "com", AlignmentMode.RELAXED, PSL)).isFalse();
  }

  @Test
  void aligned_caseAndTrailingDotIgnored() {
    assertThat(Alignment.aligned("Example.COM.", "example.com", AlignmentMode.STRICT, PSL))
        .isTrue();
  }

  @Test
  void aligned_differentOrganisationsOrPrivateSuffix_notAligned() {
    assertThat(Alignment.aligned("example.net", "example.com", AlignmentMode.RELAXED, PSL))
        .isFalse();
    // github.io is a PRIVATE-section suffix: alice and bob are different organisations.
    assertThat(Alignment.aligned("alice.github.io", "bob.github.io", AlignmentMode.RELAXED, PSL))
        .isFalse();
    assertThat(Alignment.aligned("a.example.co.uk", "b.example.co.uk", AlignmentMode.RELAXED,
        PSL)).isTrue();
  }

  @Test
  void aligned_garbage_false() {
    assertThat(Alignment.aligned("", "example.com", AlignmentMode.RELAXED, PSL)).isFalse();
    assertThat(Alignment.aligned("a..b", "a..b", AlignmentMode.STRICT, PSL)).isFalse();
  }

  @Test
  void recordAlignment_usesAdkimAndAspf() {
    DmarcRecord record = new DmarcParser(DmarcMode.RFC9989)
        .parse("v=DMARC1; p=reject; adkim=s").record();
    assertThat(record.dkimAligned("example.com", "news.example.com", PSL)).isFalse();
    assertThat(record.spfAligned("cbg.bounces.example.com", "news.example.com", PSL)).isTrue();
  }
}
