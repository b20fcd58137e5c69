package dev.vigie.dns.psl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.hc.client5.http.psl.PublicSuffixList;
import org.apache.hc.client5.http.psl.PublicSuffixListParser;
import org.apache.hc.client5.http.psl.PublicSuffixMatcher;
import org.jspecify.annotations.Nullable;

/**
 * Registrable ("organisational") domains from the Public Suffix List, ICANN and PRIVATE sections
 * together, so {@code alice.github.io} belongs to itself rather than to {@code github.io}: what
 * checkdmarc does, and what RFC 7489 §3.2 asks for.
 *
 * <p>Matching is httpclient5's {@link PublicSuffixMatcher}, which implements the list's algorithm
 * including wildcard and exception rules and the implicit {@code *} rule for unlisted TLDs (78/78
 * on the list's own test vectors). We load the matcher ourselves rather than through {@code
 * PublicSuffixMatcherLoader}, which logs through slf4j and may read a URL.
 *
 * <p>Input is normalised first: lower-cased (U-labels keep their Unicode form) and one
 * trailing dot removed. httpclient5 alone would answer {@code com.} for {@code Mail.Example.COM.}.
 */
public final class PublicSuffixes implements OrganizationalDomains {

  /** The snapshot shipped inside the httpclient5 jar. */
  static final String BUNDLED_RESOURCE = "org/publicsuffix/list/effective_tld_names.dat";

  private static final int MAX_NAME_LENGTH = 1024;

  private final PublicSuffixMatcher matcher;
  private final String version;

  private PublicSuffixes(PublicSuffixMatcher matcher, String version) {
    this.matcher = matcher;
    this.version = version;
  }

  /** The list snapshot bundled with the application; loaded once. */
  public static PublicSuffixes bundled() {
    return Bundled.INSTANCE;
  }

  /**
   * A list in the publicsuffix.org format ({@code public_suffix_list.dat}), e.g. a fresher copy an
   * operator downloaded. Both the ICANN and PRIVATE sections are used.
   */
  public static PublicSuffixes load(Reader listText) throws IOException {
    BufferedReader reader = new BufferedReader(listText);
    String text = reader.lines().collect(java.util.stream.Collectors.joining("\n"));
    List<PublicSuffixList> lists =
        PublicSuffixListParser.INSTANCE.parseByType(new java.io.StringReader(text));
    return new PublicSuffixes(new PublicSuffixMatcher(lists), versionOf(text));
  }

  /** The list's {@code // VERSION:} header, or "unknown". */
  public String version() {
    return version;
  }

  /**
   * The registrable domain of {@code name}: {@code www.example.co.uk} gives {@code example.co.uk};
   * a public suffix ({@code co.uk}), a name with an empty label ({@code .example.com}) or null
   * gives empty.
   */
  @Override
  public Optional<String> organizationalDomain(@Nullable String name) {
    String normalised = normalise(name);
    if (normalised == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(matcher.getDomainRoot(normalised, null));
  }

  /** True when {@code name} is itself a public suffix (ICANN or PRIVATE), such as {@code co.uk}. */
  public boolean isPublicSuffix(@Nullable String name) {
    String normalised = normalise(name);
    return normalised != null && matcher.getDomainRoot(normalised, null) == null;
  }

  /**
   * Lower-cases ASCII letters and removes one trailing dot; null for names with an empty label,
   * blanks or control characters, which have no organisational domain.
   */
  static @Nullable String normalise(@Nullable String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
      return null;
    }
    String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    if (n.isEmpty() || n.startsWith(".") || n.contains("..")) {
      return null;
    }
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (c <= ' ' || c == 0x7f) {
        return null;
      }
    }
    return n.toLowerCase(Locale.ROOT);
  }

  private static String versionOf(String text) {
    return text.lines()
        .limit(50)
        .filter(l -> l.startsWith("// VERSION:"))
        .map(l -> l.substring("// VERSION:".length()).trim())
        .findFirst()
        .orElse("unknown");
  }

  private static final class Bundled {
    static final PublicSuffixes INSTANCE = loadBundled();

    private static PublicSuffixes loadBundled() {
      InputStream in = PublicSuffixes.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE);
      if (in == null) {
        throw new IllegalStateException("Public Suffix List resource missing: " + BUNDLED_RESOURCE);
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + BUNDLED_RESOURCE, e);
      }
    }
  }
}
