package dev.vigie.dns.bimi;

import dev.vigie.check.Finding;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads one BIMI assertion record. BIMI uses the DKIM tag-list syntax (RFC 6376 §3.2: {@code
 * tag-name = ALPHA *(ALPHA / DIGIT / "_")}, values of %x21-3A / %x3C-7E with inner whitespace,
 * possibly empty, case-sensitive names, a duplicate tag invalidates the list). The BIMI draft adds:
 * v=BIMI1 exactly and first; l= empty or one https URI; a= empty or one https URI; avp= brand or
 * personal; unknown tags are ignored. Pure: {@link URI} only parses.
 */
public final class BimiRecordParser {

  static final String VERSION = "BIMI1";

  /** The parsed record (null when receivers must ignore it) and what was wrong with it. */
  public record Result(@Nullable BimiRecord record, List<Finding> findings) {
    public Result {
      findings = List.copyOf(findings);
    }
  }

  private BimiRecordParser() {}

  /** @param name the DNS name the record was found at, for the findings' wording */
  public static Result parse(String name, String text) {
    BimiFindings words = new BimiFindings(name);
    List<Finding> findings = new ArrayList<>();
    List<String> order = new ArrayList<>();
    Map<String, String> tags = new HashMap<>();
    boolean valid = true;
    String[] specs = text.split(";", -1);
    for (int i = 0; i < specs.length; i++) {
      String spec = specs[i].strip();
      if (spec.isEmpty()) {
        if (i < specs.length - 1) {
          findings.add(words.syntax(text, "an empty tag (two ';' in a row)"));
          valid = false;
        }
        continue;
      }
      int eq = spec.indexOf('=');
      String key = eq < 0 ? spec : spec.substring(0, eq).strip();
      String value = eq < 0 ? "" : spec.substring(eq + 1).strip();
      String problem = eq < 0 ? "\"" + BimiFindings.abbreviate(key) + "\" has no '='"
          : tagProblem(key, value);
      if (problem != null) {
        findings.add(words.syntax(text, problem));
        valid = false;
      } else if (tags.putIfAbsent(key, value) != null) {
        findings.add(words.duplicateTag(key));
        valid = false;
      } else {
        order.add(key);
      }
    }
    if (order.isEmpty() || !order.get(0).equals("v") || !VERSION.equals(tags.get("v"))) {
      findings.add(0, words.versionInvalid(text));
      return new Result(null, findings);
    }
    String logo = tags.get("l");
    if (logo == null) {
      findings.add(words.logoUrlMissing(text));
      valid = false;
    } else if (!logo.isEmpty() && httpsProblem(logo) != null) {
      findings.add(words.logoUrlInvalid(logo, httpsProblem(logo)));
      valid = false;
    }
    String authority = tags.getOrDefault("a", "");
    if (!authority.isEmpty() && httpsProblem(authority) != null) {
      findings.add(words.authorityUrlInvalid(authority, httpsProblem(authority)));
      valid = false;
    }
    AvatarPreference avp = AvatarPreference.BRAND;
    String avpValue = tags.get("avp");
    if (avpValue != null) {
      avp = AvatarPreference.parse(avpValue).orElse(AvatarPreference.BRAND);
      if (AvatarPreference.parse(avpValue).isEmpty()) {
        findings.add(words.avpInvalid(avpValue));
        valid = false;
      }
    }
    List<String> extensions = new ArrayList<>();
    for (String key : order) {
      if (!List.of("v", "l", "a", "avp").contains(key)) {
        extensions.add(key);
        findings.add(words.unknownTag(key));
      }
    }
    if (!valid) {
      return new Result(null, findings);
    }
    return new Result(new BimiRecord(text, emptyToNull(logo), emptyToNull(authority), avp,
        extensions), findings);
  }

  private static @Nullable String tagProblem(String key, String value) {
    if (key.isEmpty() || !isAlpha(key.charAt(0))) {
      return "\"" + BimiFindings.abbreviate(key) + "\" is not a valid tag name";
    }
    for (int i = 1; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!(isAlpha(c) || (c >= '0' && c <= '9') || c == '_')) {
        return "\"" + BimiFindings.abbreviate(key) + "\" is not a valid tag name";
      }
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean wsp = c == ' ' || c == '\t' || c == '\r' || c == '\n';
      if (!wsp && (c < 0x21 || c > 0x7e)) {
        return "the value of " + key + " contains " + String.format(Locale.ROOT,
            "the character U+%04X", (int) c);
      }
    }
    return null;
  }

  /** Null when the value is one absolute https URL with a host; otherwise why not. */
  static @Nullable String httpsProblem(String value) {
    if (value.indexOf(',') >= 0) {
      return "only one URL is allowed";
    }
    try {
      URI uri = new URI(value);
      if (!"https".equalsIgnoreCase(uri.getScheme())) {
        return "it must start with https://";
      }
      if (uri.getHost() == null || uri.getHost().isEmpty()) {
        return "it has no host name";
      }
      return null;
    } catch (URISyntaxException e) {
      return "it is not a valid URL (" + e.getReason() + ")";
    }
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static @Nullable String emptyToNull(@Nullable String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
