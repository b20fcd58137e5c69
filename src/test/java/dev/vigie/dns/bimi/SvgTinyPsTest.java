package dev.vigie.dns.bimi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SvgTinyPsTest {

  private static final String URL = "https://example.com/bimi/logo.svg";

  /** A minimal valid SVG Tiny PS logo, shaped like the BIMI Group's sample files. */
  static final String VALID = """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny-ps"
           viewBox="0 0 512 512">
        <title>Example Corp</title>
        <rect width="512" height="512" fill="#ffffff"/>
        <circle cx="256" cy="256" r="200" fill="#0a66c2"/>
      </svg>
      """;

  private static List<Finding> check(String svg) {
    return SvgTinyPs.check(URL, svg.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> codes(String svg) {
    return check(svg).stream().map(Finding::code).toList();
  }

  @Test
  void check_validLogo() {
    assertThat(check(VALID)).isEmpty();
  }

  @Test
  void check_missingVersionAndProfile() {
    String svg = VALID.replace(" version=\"1.2\" baseProfile=\"tiny-ps\"", "");
    assertThat(codes(svg)).containsExactly("bimi.logo-version", "bimi.logo-base-profile");
  }

  @Test
  void check_wrongProfile() {
    assertThat(codes(VALID.replace("tiny-ps", "tiny"))).containsExactly("bimi.logo-base-profile");
  }

  @Test
  void check_placeholderTitle() {
    List<Finding> findings = check(VALID.replace("Example Corp", "Untitled-1"));
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("bimi.logo-title");
      assertThat(f.detail()).contains("placeholder").contains("Untitled-1");
    });
  }

  @Test
  void check_missingAndEmptyTitle() {
    assertThat(codes(VALID.replace("<title>Example Corp</title>", "")))
        .containsExactly("bimi.logo-title");
    assertThat(codes(VALID.replace("Example Corp", "  "))).containsExactly("bimi.logo-title");
  }

  @Test
  void check_scriptRefused() {
    String svg = VALID.replace("</svg>", "<script>alert(1)</script></svg>");
    assertThat(codes(svg)).containsExactly("bimi.logo-script");
  }

  @Test
  void check_eventHandlerRefused() {
    String svg = VALID.replace("<rect ", "<rect onclick=\"steal()\" ");
    assertThat(codes(svg)).containsExactly("bimi.logo-script");
  }

  @Test
  void check_xyOnRootRefused() {
    assertThat(codes(VALID.replace("viewBox=", "x=\"0\" y=\"0\" viewBox=")))
        .containsExactly("bimi.logo-root-position");
  }

  @Test
  void check_notSquareIsWarning() {
    List<Finding> findings = check(VALID.replace("0 0 512 512", "0,0,640,480"));
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("bimi.logo-not-square");
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
    });
  }

  @Test
  void check_over32KbRefused() {
    String padded = VALID.replace("</svg>", "<!--" + "x".repeat(33 * 1024) + "--></svg>");
    assertThat(codes(padded)).containsExactly("bimi.logo-too-large");
  }

  @Test
  void check_xxeDoctypeRefusedUnread() {
    String xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE svg [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
        <svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny-ps"
             viewBox="0 0 1 1"><title>&xxe;</title></svg>
        """;
    List<Finding> findings = check(xxe);
    assertThat(findings).extracting(Finding::code).containsExactly("bimi.logo-doctype");
    assertThat(findings.get(0).detail()).doesNotContain("root:");
  }

  @Test
  void check_entityExpansionBombRefused() {
    String bomb = """
        <?xml version="1.0"?>
        <!DOCTYPE svg [
          <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
          <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
          <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
        ]>
        <svg xmlns="http://www.w3.org/2000/svg"><title>&c;</title></svg>
        """;
    assertThat(codes(bomb)).containsExactly("bimi.logo-doctype");
  }

  @Test
  void check_factoryHasDtdAndExternalEntitiesOff() {
    var factory = SvgTinyPs.factory();
    assertThat(factory.getProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD))
        .isEqualTo(false);
    assertThat(factory.getProperty(
        javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES)).isEqualTo(false);
  }

  @Test
  void check_notSvgRoot() {
    assertThat(codes("<html><title>Example</title></html>")).containsExactly("bimi.logo-not-svg");
  }

  @Test
  void check_malformedXml() {
    assertThat(codes("<svg xmlns=\"http://www.w3.org/2000/svg\"><title>x</svg>"))
        .containsExactly("bimi.logo-invalid-xml");
  }

  @Test
  void check_gzipIsNotXml() {
    byte[] gz = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0};
    assertThat(SvgTinyPs.check(URL, gz)).extracting(Finding::code)
        .containsExactly("bimi.logo-invalid-xml");
  }
}
