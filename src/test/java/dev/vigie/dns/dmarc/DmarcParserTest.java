package dev.vigie.dns.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class DmarcParserTest {

  private static final DmarcParser BIS = new DmarcParser(DmarcMode.RFC9989);
  private static final DmarcParser LEGACY = new DmarcParser(DmarcMode.RFC7489);

  static List<String> codes(DmarcParseResult r) {
    return r.findings().stream().map(Finding::code).toList();
  }

  static Finding only(DmarcParseResult r, String code) {
    return r.findings().stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow();
  }

  @Test
  void parse_minimalRecord_defaults() {
    DmarcParseResult r = BIS.parse("v=DMARC1; p=reject");
    assertThat(r.findings()).isEmpty();
    DmarcRecord rec = r.record();
    assertThat(rec).isNotNull();
    assertThat(rec.policy()).isEqualTo(Policy.REJECT);
    assertThat(rec.subdomainPolicy()).isNull();
    assertThat(rec.effectiveSubdomainPolicy()).isEqualTo(Policy.REJECT);
    assertThat(rec.effectiveNonexistentPolicy()).isEqualTo(Policy.REJECT);
    assertThat(rec.dkimAlignment()).isEqualTo(AlignmentMode.RELAXED);
    assertThat(rec.spfAlignment()).isEqualTo(AlignmentMode.RELAXED);
    assertThat(rec.psd()).isEqualTo(PsdFlag.UNSPECIFIED);
    assertThat(rec.testing()).isFalse();
    assertThat(rec.failureOptions()).containsExactly("0");
    assertThat(rec.aggregateUris()).isEmpty();
  }

  @Test
  void parse_everyRfc9989Tag() {
    DmarcParseResult r = BIS.parse("v=DMARC1;p=quarantine; sp=reject ;np=none; psd=n; t=y;"
        + "adkim=s; aspf=s; fo=1:d; rua=mailto:a@example.com, https://r.example.net/dmarc;"
        + " ruf=mailto:f@example.com;");
    assertThat(r.findings()).isEmpty();
    DmarcRecord rec = r.record();
    assertThat(rec.policy()).isEqualTo(Policy.QUARANTINE);
    assertThat(rec.subdomainPolicy()).isEqualTo(Policy.REJECT);
    assertThat(rec.nonexistentPolicy()).isEqualTo(Policy.NONE);
    assertThat(rec.psd()).isEqualTo(PsdFlag.NO);
    assertThat(rec.testing()).isTrue();
    assertThat(rec.dkimAlignment()).isEqualTo(AlignmentMode.STRICT);
    assertThat(rec.spfAlignment()).isEqualTo(AlignmentMode.STRICT);
    assertThat(rec.failureOptions()).containsExactly("1", "d");
    assertThat(rec.aggregateUris()).containsExactly(
        new ReportUri("mailto:a@example.com", "mailto", "example.com", null),
        new ReportUri("https://r.example.net/dmarc", "https", "r.example.net", null));
    assertThat(rec.failureUris()).extracting(ReportUri::domain).containsExactly("example.com");
    assertThat(rec.tags()).extracting(DmarcTag::name)
        .containsExactly("v", "p", "sp", "np", "psd", "t", "adkim", "aspf", "fo", "rua", "ruf");
  }

  @Test
  void parse_tagNamesAndValuesCaseInsensitive() {
    DmarcParseResult r = BIS.parse("V=DMARC1; P=Reject; ADKIM=S");
    assertThat(r.findings()).isEmpty();
    assertThat(r.record().policy()).isEqualTo(Policy.REJECT);
    assertThat(r.record().dkimAlignment()).isEqualTo(AlignmentMode.STRICT);
  }

  @Test
  void parse_versionValueIsCaseSensitive() {
    DmarcParseResult r = BIS.parse("v=dmarc1; p=reject");
    assertThat(r.record()).isNull();
    assertThat(codes(r)).containsExactly("dmarc.invalid-version");
  }

  @Test
  void parse_missingSemicolonAfterVersion_hint() {
    DmarcParseResult r = BIS.parse("v=DMARC1 p=reject");
    assertThat(r.record()).isNull();
    assertThat(only(r, "dmarc.invalid-version").detail()).contains("';' seems to be missing");
  }

  @Test
  void parse_versionNotFirst_ignoredWhole() {
    DmarcParseResult r = BIS.parse("p=reject; v=DMARC1");
    assertThat(r.record()).isNull();
    assertThat(codes(r)).containsExactly("dmarc.version-not-first");
    assertThat(r.findings().get(0).severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void parse_empty_versionNotFirst() {
    assertThat(codes(BIS.parse(""))).containsExactly("dmarc.version-not-first");
    assertThat(codes(BIS.parse(";;;"))).containsExactly("dmarc.version-not-first");
  }

  @Test
  void parse_leadingWhitespace_errorButParsed() {
    DmarcParseResult r = BIS.parse("  v=DMARC1; p=reject");
    assertThat(codes(r)).containsExactly("dmarc.leading-whitespace");
    assertThat(r.record().policy()).isEqualTo(Policy.REJECT);
    assertThat(r.record().tags().get(1).position()).isEqualTo(13);
  }

  @Test
  void parse_duplicateTag_firstKeptWithPosition() {
    DmarcParseResult r = BIS.parse("v=DMARC1; p=none; p=reject");
    assertThat(codes(r)).containsExactly("dmarc.duplicate-tag");
    assertThat(only(r, "dmarc.duplicate-tag").detail()).contains("\"p\"").contains("position 19");
    assertThat(r.record().policy()).isEqualTo(Policy.NONE);
  }

  @Test
  void parse_invalidValues_eachTag() {
    for (String tag : List.of("p=block", "sp=maybe", "np=1", "psd=yes", "t=true", "adkim=x",
        "aspf=relaxed", "fo=2", "fo=1:x")) {
      String text = "v=DMARC1; " + tag + (tag.startsWith("p=") ? "" : "; p=reject");
      DmarcParseResult r = BIS.parse(text);
      String name = tag.substring(0, tag.indexOf('='));
      assertThat(codes(r)).as(tag).contains("dmarc.invalid-tag-value");
      assertThat(only(r, "dmarc.invalid-tag-value").detail()).as(tag).startsWith(tag);
      assertThat(r.record()).as(name).isNotNull();
    }
  }

  @Test
  void parse_invalidPolicy_treatedAsNone() {
    DmarcParseResult r = BIS.parse("v=DMARC1; p=block; rua=mailto:d@example.com");
    assertThat(r.record().policy()).isNull();
    assertThat(r.record().effectivePolicy()).isEqualTo(Policy.NONE);
    assertThat(only(r, "dmarc.invalid-tag-value").summary()).doesNotContain("p=");
  }

  @Test
  void parse_missingSemicolonBetweenTags_hint() {
    DmarcParseResult r = BIS.parse("v=DMARC1; p=reject rua=mailto:d@example.com");
    assertThat(only(r, "dmarc.invalid-tag-value").detail()).contains("';' seems to be missing");
  }

  @Test
  void parse_tagWithoutEquals_syntaxErrorWithPosition() {
    DmarcParseResult r = BIS.parse("v=DMARC1; p=reject; rua");
    assertThat(codes(r)).containsExactly("dmarc.syntax-error");
    assertThat(r.findings().get(0).detail()).contains("position 24").contains("no '='");
    assertThat(r.record().policy()).isEqualTo(Policy.REJECT);
  }

  @Test
  void parse_badTagName_syntaxErrorWithPosition() {
    DmarcParseResult r = BIS.parse("v=DMARC1; p=reject; 1x=y");
    assertThat(only(r, "dmarc.syntax-error").detail()).contains("position 21")
        .contains("'1'");
  }

  @Test
  void parse_controlCharacterInValue_syntaxError() {
    DmarcParseResult r = BIS.parse("v=DMARC1; p=rej\u0000ect");
    assertThat(only(r, "dmarc.syntax-error").detail()).contains("U+0000").contains("position 16");
    assertThat(r.record().policy()).isNull();
  }

  @Test
  void parse_emptyTagBetweenSeparators_syntaxError() {
    assertThat(codes(BIS.parse("v=DMARC1;; p=reject"))).containsExactly("dmarc.syntax-error");
    assertThat(codes(BIS.parse("v=DMARC1; p=reject;  "))).isEmpty();
  }

  @Test
  void parse_emptyValue_syntaxError() {
    assertThat(only(BIS.parse("v=DMARC1; p=reject; sp="), "dmarc.syntax-error").detail())
        .contains("empty value");
  }

  @Test
  void parse_missingPolicy_warningIn9989ErrorIn7489() {
    assertThat(only(BIS.parse("v=DMARC1; rua=mailto:d@example.com"), "dmarc.policy-missing")
        .severity()).isEqualTo(Severity.WARNING);
    assertThat(only(LEGACY.parse("v=DMARC1; rua=mailto:d@example.com"), "dmarc.policy-missing")
        .severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void parse_removedTags_warnedIn9989() {
    DmarcParseResult r = BIS.parse("v=DMARC1; p=reject; pct=50; rf=afrf; ri=86400");
    assertThat(codes(r)).containsExactly("dmarc.removed-tag", "dmarc.removed-tag",
        "dmarc.removed-tag");
    assertThat(r.findings().get(0).detail()).contains("pct=50 no longer limits");
    assertThat(r.record().percent()).isNull();
  }

  @Test
  void parse_rfc7489_legacyTagsValidated() {
    DmarcParseResult ok = LEGACY.parse("v=DMARC1; p=reject; pct=50; rf=afrf; ri=86400");
    assertThat(ok.findings()).isEmpty();
    assertThat(ok.record().percent()).isEqualTo(50);
    for (String bad : List.of("pct=101", "pct=-1", "rf=xml", "ri=99999999999", "ri=day")) {
      assertThat(codes(LEGACY.parse("v=DMARC1; p=reject; " + bad))).as(bad)
          .containsExactly("dmarc.invalid-tag-value");
    }
  }

  @Test
  void parse_rfc7489_newTagsIgnored() {
    DmarcParseResult r = LEGACY.parse("v=DMARC1; p=reject; t=y; psd=y; np=reject");
    assertThat(codes(r)).containsExactly("dmarc.tag-not-in-rfc7489", "dmarc.tag-not-in-rfc7489");
    assertThat(r.record().testing()).isFalse();
    assertThat(r.record().psd()).isEqualTo(PsdFlag.UNSPECIFIED);
    assertThat(r.record().nonexistentPolicy()).isEqualTo(Policy.REJECT);
  }

  @Test
  void parse_rfc7489_policyNotSecond() {
    assertThat(codes(LEGACY.parse("v=DMARC1; rua=mailto:d@example.com; p=reject")))
        .containsExactly("dmarc.policy-not-second");
    assertThat(codes(BIS.parse("v=DMARC1; rua=mailto:d@example.com; p=reject"))).isEmpty();
  }

  @Test
  void parse_unknownTag_warned() {
    DmarcParseResult r = BIS.parse("v=DMARC1; p=reject; foo=bar");
    assertThat(only(r, "dmarc.unknown-tag").severity()).isEqualTo(Severity.WARNING);
    assertThat(only(r, "dmarc.unknown-tag").detail()).contains("\"foo\"");
  }

  @Test
  void parse_foZeroAndOne_redundant() {
    assertThat(codes(BIS.parse("v=DMARC1; p=reject; fo=0:1"))).containsExactly(
        "dmarc.fo-redundant");
  }

  @Test
  void parse_hostileTooLong_rejectedWithoutParsing() {
    DmarcParseResult r = BIS.parse("v=DMARC1; p=reject; x=" + "a".repeat(70_000));
    assertThat(r.record()).isNull();
    assertThat(codes(r)).containsExactly("dmarc.record-too-long");
  }

  @Test
  void parse_hostileManyTags_findingsCapped() {
    String text = "v=DMARC1; p=reject; " + "x=1; ".repeat(10_000);
    long start = System.nanoTime();
    DmarcParseResult r = BIS.parse(text);
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    assertThat(r.findings()).hasSize(DmarcParser.MAX_FINDINGS + 1);
    assertThat(r.findings().get(DmarcParser.MAX_FINDINGS).code())
        .isEqualTo("dmarc.too-many-problems");
    assertThat(r.findings().get(DmarcParser.MAX_FINDINGS).detail()).startsWith("9975 further");
  }

  @Test
  void parse_garbage_noRecord() {
    for (String garbage : List.of("hello world", "v=spf1 -all", "\u00ff\u00fe", "=;=;=",
        "v=DMARC1\u0000; p=reject")) {
      DmarcParseResult r = BIS.parse(garbage);
      assertThat(r.record()).as(garbage).isNull();
      assertThat(r.findings()).as(garbage).isNotEmpty();
    }
  }
}
