package dev.vigie.dns.psl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PublicSuffixesTest {

  private static final PublicSuffixes PSL = PublicSuffixes.bundled();

  static Path shared() {
    return Path.of(System.getProperty("vigie.shared", "../shared"));
  }

  /** The publicsuffix.org project's own vectors, {@code tests/tests.txt}: "input expected". */
  static Stream<Arguments> vectors() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (String line :
        Files.readAllLines(shared().resolve("conformance/psl/tests.txt"), StandardCharsets.UTF_8)) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("//")) {
        continue;
      }
      String[] parts = l.split("\\s+");
      out.add(Arguments.of(nullable(parts[0]), nullable(parts[1])));
    }
    return out.stream();
  }

  private static String nullable(String s) {
    return s.equals("null") ? null : s;
  }

  @Test
  void vectors_allSeventyEightPresent() throws IOException {
    assertThat(vectors().count()).isEqualTo(78);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("vectors")
  void organizationalDomain_pslTestVector(String input, String expected) {
    assertThat(PSL.organizationalDomain(input)).isEqualTo(Optional.ofNullable(expected));
  }

  @Test
  void organizationalDomain_trailingDotAndCaseNormalised() {
    assertThat(PSL.organizationalDomain("Mail.Example.COM.")).contains("example.com");
  }

  @Test
  void organizationalDomain_privateSectionIncluded() {
    // github.io and s3.amazonaws.com are in the PRIVATE section: each customer is its own org.
    assertThat(PSL.organizationalDomain("www.alice.github.io")).contains("alice.github.io");
    assertThat(PSL.organizationalDomain("github.io")).isEmpty();
    assertThat(PSL.isPublicSuffix("github.io")).isTrue();
  }

  @Test
  void organizationalDomain_icannMultiLabelSuffix() {
    assertThat(PSL.organizationalDomain("mail.shop.example.co.uk")).contains("example.co.uk");
    assertThat(PSL.isPublicSuffix("co.uk")).isTrue();
    assertThat(PSL.isPublicSuffix("example.co.uk")).isFalse();
  }

  @Test
  void organizationalDomain_garbageGivesEmpty() {
    assertThat(PSL.organizationalDomain("")).isEmpty();
    assertThat(PSL.organizationalDomain(".")).isEmpty();
    assertThat(PSL.organizationalDomain("a..example.com")).isEmpty();
    assertThat(PSL.organizationalDomain("exa mple.com")).isEmpty();
    assertThat(PSL.organizationalDomain("a.".repeat(600) + "com")).isEmpty();
  }

  @Test
  void bundled_hasVersionHeader() {
    assertThat(PSL.version()).matches("\\d{4}-\\d{2}-\\d{2}.*");
  }

  @Test
  void load_customList() throws IOException {
    PublicSuffixes custom =
        PublicSuffixes.load(
            new StringReader(
                "// VERSION: test\n// ===BEGIN ICANN DOMAINS===\ntest\n*.wild.test\n"
                    + "// ===END ICANN DOMAINS===\n"));
    assertThat(custom.version()).isEqualTo("test");
    assertThat(custom.organizationalDomain("a.b.example.test")).contains("example.test");
    assertThat(custom.organizationalDomain("a.b.c.wild.test")).contains("b.c.wild.test");
  }
}
