package dev.vigie.dns.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Mail::DKIM's FAKE_DNS.dat key records and RFC 8463 Appendix A.2, with real values. */
class DkimKeyParserTest {

  /** RFC 8463 A.2 (the RFC 8032 test-vector key). */
  static final String RFC8463_ED25519 =
      "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";

  /** RFC 8463 A.2, its character-strings concatenated. */
  static final String RFC8463_RSA = "v=DKIM1; k=rsa; "
      + "p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWR"
      + "iGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutAC"
      + "DfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3"
      + "Ip3G+2kryOTIKT+l/K4w3QIDAQAB";

  private static Map<String, String> dat;

  @BeforeAll
  static void load() throws IOException {
    dat = FakeDns.fakeDnsDat();
  }

  private static DkimParseResult parse(String name) {
    return DkimKeyParser.parse(dat.get(name), name);
  }

  private static List<String> codes(DkimParseResult r) {
    return r.findings().stream().map(Finding::code).toList();
  }

  @Test
  void fakeDnsDat_hasTwentyOneEntries() {
    assertThat(dat).hasSize(21);
  }

  @Test
  void parse_rfc8463Ed25519_raw32ByteKey() {
    DkimParseResult r =
        DkimKeyParser.parse(RFC8463_ED25519, "brisbane._domainkey.football.example.com");
    assertThat(r.findings()).isEmpty();
    assertThat(r.record().keyType()).isEqualTo(DkimKeyType.ED25519);
    assertThat(r.record().keyBits()).isEqualTo(256);
    assertThat(r.record().version()).isEqualTo("DKIM1");
  }

  @Test
  void parse_rfc8463Rsa_1024BitsWeak() {
    DkimParseResult r = DkimKeyParser.parse(RFC8463_RSA, "test._domainkey.football.example.com");
    assertThat(r.record().keyType()).isEqualTo(DkimKeyType.RSA);
    assertThat(r.record().keyBits()).isEqualTo(1024);
    assertThat(codes(r)).containsExactly("dkim.key-weak");
  }

  @Test
  void parse_selector1Messiah_noVersion1024Bits() {
    DkimParseResult r = parse("selector1._domainkey.messiah.edu");
    assertThat(r.record().version()).isNull();
    assertThat(r.record().keyType()).isEqualTo(DkimKeyType.RSA);
    assertThat(r.record().keyBits()).isEqualTo(1024);
    assertThat(codes(r)).containsExactly("dkim.key-weak");
  }

  @Test
  void parse_test1_512BitsTestingEmailOnly() {
    DkimParseResult r = parse("test1._domainkey.messiah.edu");
    assertThat(r.record().keyBits()).isEqualTo(512);
    assertThat(r.record().testing()).isTrue();
    assertThat(r.record().serviceTypes()).containsExactly("email");
    assertThat(codes(r)).containsExactly("dkim.key-too-short", "dkim.testing-mode");
    assertThat(r.findings().get(0).severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void parse_test2_spacesAroundEqualsFlagsAndSha1Only() {
    DkimParseResult r = parse("test2._domainkey.messiah.edu");
    DkimKeyRecord k = r.record();
    assertThat(k.serviceTypes()).containsExactly("email", "web", "fine");
    assertThat(k.flags()).containsExactly("y", "n", "extra");
    assertThat(k.testing()).isTrue();
    assertThat(k.strictSubdomains()).isFalse();
    assertThat(k.hashAlgorithms()).containsExactly("md5", "sha1");
    assertThat(k.keyBits()).isEqualTo(512);
    assertThat(codes(r)).containsExactly("dkim.key-too-short", "dkim.no-usable-hash",
        "dkim.testing-mode", "dkim.unknown-tag");
  }

  @Test
  void parse_test3AndTest4AndBad8_legacyGranularity() {
    for (String name : List.of("test3._domainkey.messiah.edu", "test4._domainkey.messiah.edu",
        "testbad8._domainkey.messiah.edu")) {
      DkimParseResult r = parse(name);
      assertThat(r.record()).as(name).isNotNull();
      assertThat(r.record().keyBits()).as(name).isEqualTo(512);
      assertThat(codes(r)).as(name).containsExactly("dkim.key-too-short", "dkim.obsolete-tag");
    }
  }

  @Test
  void parse_test5_strictSubdomains() {
    DkimParseResult r = parse("test5._domainkey.messiah.edu");
    assertThat(r.record().strictSubdomains()).isTrue();
    assertThat(r.record().testing()).isFalse();
  }

  @Test
  void parse_testbad1_wrongVersionDiscarded() {
    DkimParseResult r = parse("testbad1._domainkey.messiah.edu");
    assertThat(r.record()).isNull();
    assertThat(codes(r)).containsExactly("dkim.invalid-record");
    assertThat(r.findings().get(0).detail()).contains("v=DKIM3");
  }

  @Test
  void parse_testbad2_tagWithoutEqualsDiscarded() {
    DkimParseResult r = parse("testbad2._domainkey.messiah.edu");
    assertThat(r.record()).isNull();
    assertThat(r.findings().get(0).detail()).contains("position 9").contains("\"t\"");
  }

  @Test
  void parse_testbad3_unknownKeyType() {
    DkimParseResult r = parse("testbad3._domainkey.messiah.edu");
    assertThat(r.record().keyType()).isNull();
    assertThat(r.record().keyTypeTag()).isEqualTo("foobar");
    assertThat(r.record().keyBits()).isZero();
    assertThat(codes(r)).containsExactly("dkim.unknown-key-type", "dkim.testing-mode");
  }

  @Test
  void parse_testbad4_notForEmail() {
    DkimParseResult r = parse("testbad4._domainkey.messiah.edu");
    assertThat(r.record().usableForEmail()).isFalse();
    assertThat(codes(r)).contains("dkim.not-for-email");
  }

  @Test
  void parse_testbad7_unknownHashOnly() {
    DkimParseResult r = parse("testbad7._domainkey.messiah.edu");
    assertThat(r.record().hashAlgorithms()).containsExactly("bad");
    assertThat(codes(r)).contains("dkim.no-usable-hash");
  }

  @Test
  void parse_testrevoked_revokedTesting() {
    DkimParseResult r = parse("testrevoked._domainkey.messiah.edu");
    assertThat(r.record().revoked()).isTrue();
    assertThat(r.record().keyBits()).isZero();
    assertThat(codes(r)).containsExactly("dkim.key-revoked", "dkim.testing-mode");
  }

  @Test
  void parse_yahooGmailIjs_1024BitsAndNotes() {
    DkimParseResult yahoo = parse("s1024._domainkey.yahoo.com");
    assertThat(yahoo.record().keyBits()).isEqualTo(1024);
    assertThat(yahoo.record().notes()).isEqualTo("A 1024 bit key");
    assertThat(yahoo.record().testing()).isTrue();
    assertThat(parse("beta._domainkey.gmail.com").record().keyBits()).isEqualTo(1024);
    assertThat(parse("jakla2._domainkey.ijs.si").record().keyBits()).isEqualTo(1024);
    assertThat(codes(parse("jakla2._domainkey.ijs.si"))).containsExactly("dkim.key-weak");
  }

  @Test
  void parse_att_768BitsWildcardServiceAndSha256Allowed() {
    for (String name : List.of("shan._domainkey.vmt2.cis.att.net",
        "foo._domainkey.vmt2.cis.att.net")) {
      DkimParseResult r = parse(name);
      assertThat(r.record().keyBits()).as(name).isEqualTo(768);
      assertThat(r.record().serviceTypes()).containsExactly("*");
      assertThat(codes(r)).as(name).containsExactly("dkim.key-too-short", "dkim.obsolete-tag");
    }
    assertThat(parse("shan._domainkey.vmt2.cis.att.net").record().hashAlgorithms())
        .containsExactly("sha1", "sha256", "sha512");
  }

  @Test
  void parse_malformedBase64_malformedKey() {
    DkimParseResult r = DkimKeyParser.parse("v=DKIM1; p=MIGf!!!notbase64", "x");
    assertThat(codes(r)).containsExactly("dkim.malformed-key");
    assertThat(r.record().keyBits()).isZero();
  }

  @Test
  void parse_base64ButNotAKey_malformedKey() {
    assertThat(codes(DkimKeyParser.parse("v=DKIM1; p=aGVsbG8gd29ybGQ=", "x")))
        .containsExactly("dkim.malformed-key");
  }

  @Test
  void parse_whitespaceInsideKey_accepted() {
    String spaced = RFC8463_RSA.replace("Ip3G", " Ip3G\t").replace("DfzwQ", "\r\n DfzwQ");
    assertThat(DkimKeyParser.parse(spaced, "x").record().keyBits()).isEqualTo(1024);
  }

  @Test
  void parse_ed25519AsSpki_explained() {
    String spki = "MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
    DkimParseResult r = DkimKeyParser.parse("v=DKIM1; k=ed25519; p=" + spki, "x");
    assertThat(codes(r)).containsExactly("dkim.malformed-key");
    assertThat(r.findings().get(0).detail()).contains("raw 32-byte key");
    assertThat(codes(DkimKeyParser.parse("v=DKIM1; k=ed25519; p=AAAA", "x")))
        .containsExactly("dkim.malformed-key");
  }

  @Test
  void parse_rsaKeyDeclaredEd25519_andViceVersa() {
    assertThat(codes(DkimKeyParser.parse(RFC8463_RSA.replace("k=rsa", "k=ed25519"), "x")))
        .containsExactly("dkim.malformed-key");
    assertThat(codes(DkimKeyParser.parse(RFC8463_ED25519.replace("k=ed25519", "k=rsa"), "x")))
        .containsExactly("dkim.malformed-key");
  }

  @Test
  void parse_missingP_duplicateTag_versionNotFirst_invalid() {
    for (String bad : List.of("v=DKIM1; k=rsa", "v=DKIM1; p=; p=", "k=rsa; v=DKIM1; p=",
        "", ";", "v=DKIM1;; p=", "v=DKIM1; p=\u0001")) {
      DkimParseResult r = DkimKeyParser.parse(bad, "x");
      assertThat(r.record()).as(bad).isNull();
      assertThat(codes(r)).as(bad).containsExactly("dkim.invalid-record");
    }
  }

  @Test
  void parse_hostileRecords_bounded() {
    assertThat(codes(DkimKeyParser.parse("p=" + "A".repeat(70_000), "x")))
        .containsExactly("dkim.invalid-record");
    assertThat(codes(DkimKeyParser.parse("p=" + "A".repeat(20_000), "x")))
        .containsExactly("dkim.malformed-key");
    StringBuilder many = new StringBuilder("v=DKIM1; p=");
    for (int i = 0; i < 5_000; i++) {
      many.append("; x").append(i).append("=1");
    }
    DkimParseResult r = DkimKeyParser.parse(many.toString(), "x");
    assertThat(r.findings().stream().filter(f -> f.code().equals("dkim.unknown-tag"))).hasSize(5);
  }
}
