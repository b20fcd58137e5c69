package dev.vigie.dns.mtasts;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import dev.vigie.dns.psl.DomainNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads an MTA-STS policy file against RFC 8461 §3.2. Pure.
 *
 * <pre>
 * sts-policy-record  = sts-policy-field *WSP *(sts-policy-term sts-policy-field *WSP)
 *                      [sts-policy-term]
 * sts-policy-term    = LF / CRLF
 * sts-policy-field-delim = ":" *WSP
 * sts-policy-mx-value    = ["*."] Domain
 * sts-policy-max-age-value = 1*10(DIGIT)          ; at most 31557600
 * </pre>
 */
public final class MtaStsPolicyParser {

  /** RFC 8461 §3.2: max_age "MUST be less than or equal to 31557600". */
  public static final long MAX_MAX_AGE = 31_557_600L;

  /** The parsed policy (null when senders must ignore it) and what was wrong with it. */
  public record Result(@Nullable MtaStsPolicy policy, List<Finding> findings) {
    public Result {
      findings = List.copyOf(findings);
    }
  }

  private final PolicyFindings words;

  /**
   * @param domain the policy domain, for the findings' wording
   * @param mxHosts the domain's MX hosts, to write the example policy in the fixes
   */
  public MtaStsPolicyParser(String domain, List<String> mxHosts) {
    this.words = new PolicyFindings(domain, mxHosts);
  }

  public Result parse(String body) {
    List<Finding> findings = new ArrayList<>();
    String version = null;
    PolicyMode mode = null;
    Long maxAge = null;
    List<String> mx = new ArrayList<>();
    List<String> extensions = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String[] lines = body.split("\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].endsWith("\r") ? lines[n].substring(0, lines[n].length() - 1)
          : lines[n];
      if (line.isBlank()) {
        continue; // Not in the grammar, but harmless; common at the end of files.
      }
      int colon = line.indexOf(':');
      String key = colon < 0 ? line : line.substring(0, colon);
      if (colon < 0 || !Fields.isExtName(key) || line.indexOf('\r') >= 0) {
        findings.add(words.syntax(n + 1, line));
        continue;
      }
      String value = Fields.stripWsp(line.substring(colon + 1));
      // RFC 8461 §3.2: only mx may repeat.
      if (!key.equals("mx") && !seen.add(key)) {
        findings.add(words.duplicateKey(key));
        continue;
      }
      switch (key) {
        case "version" -> {
          version = value;
          if (!value.equals("STSv1")) {
            findings.add(words.versionInvalid(value));
          }
        }
        case "mode" -> {
          Optional<PolicyMode> parsed = PolicyMode.parse(value);
          mode = parsed.orElse(null);
          if (parsed.isEmpty()) {
            findings.add(words.modeInvalid(value));
          }
        }
        case "max_age" -> {
          maxAge = parseMaxAge(value);
          if (maxAge == null) {
            findings.add(words.maxAgeInvalid(value));
          }
        }
        case "mx" -> {
          seen.add("mx");
          String pattern = mxPattern(value);
          if (pattern == null) {
            findings.add(words.mxInvalid(value));
          } else {
            mx.add(pattern);
          }
        }
        default -> {
          extensions.add(key);
          findings.add(words.unknownKey(key));
        }
      }
    }
    Set<String> missing = new LinkedHashSet<>();
    for (String key : List.of("version", "mode", "max_age")) {
      if (!seen.contains(key)) {
        missing.add(key);
      }
    }
    // RFC 8461 §3.2: mx is required unless the mode is none.
    if (!seen.contains("mx") && mode != PolicyMode.NONE) {
      missing.add("mx");
    }
    if (!missing.isEmpty()) {
      findings.add(words.keysMissing(missing));
    }
    boolean valid = findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
    if (!valid || version == null || mode == null || maxAge == null) {
      return new Result(null, findings);
    }
    return new Result(new MtaStsPolicy(mode, maxAge, mx, extensions), findings);
  }

  private static @Nullable Long parseMaxAge(String value) {
    if (value.isEmpty() || value.length() > 10) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return null;
      }
    }
    long seconds = Long.parseLong(value);
    return seconds <= MAX_MAX_AGE ? seconds : null;
  }

  /** {@code ["*."] Domain}, lower-cased; null when it is not one. */
  static @Nullable String mxPattern(String value) {
    boolean wildcard = value.startsWith("*.");
    String domain = wildcard ? value.substring(2) : value;
    if (domain.endsWith(".")) {
      return null; // RFC 5321 Domain has no trailing dot.
    }
    String host = DomainNames.normaliseHost(domain);
    if (host == null) {
      return null;
    }
    return wildcard ? "*." + host : host;
  }
}
