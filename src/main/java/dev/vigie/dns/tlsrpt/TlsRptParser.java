package dev.vigie.dns.tlsrpt;

import dev.vigie.check.Finding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads one TLS-RPT record against the RFC 8460 §3 grammar. Pure: no DNS, no network.
 *
 * <pre>
 * tlsrpt-record    = tlsrpt-version 1*(field-delim tlsrpt-field) [field-delim]
 * field-delim      = *WSP ";" *WSP
 * tlsrpt-version   = %s"v=TLSRPTv1"
 * tlsrpt-rua       = %s"rua=" tlsrpt-uri *(*WSP "," *WSP tlsrpt-uri)
 * tlsrpt-ext-name  = (ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".")
 * tlsrpt-ext-value = 1*(%x21-3A / %x3C / %x3E-7E)
 * </pre>
 */
public final class TlsRptParser {

  static final String VERSION = "v=TLSRPTv1";

  /** The parsed record (null when senders must ignore it) and what was wrong with it. */
  public record Result(@Nullable TlsRptRecord record, List<Finding> findings) {
    public Result {
      findings = List.copyOf(findings);
    }
  }

  private TlsRptParser() {}

  /** @param name the DNS name the record was found at, for the findings' wording */
  public static Result parse(String name, String text) {
    List<Finding> findings = new ArrayList<>();
    String[] fields = text.split(";", -1);
    String version = stripWsp(fields[0]);
    if (!version.equals(VERSION) || !fields[0].startsWith(VERSION)) {
      findings.add(TlsRptFindings.versionInvalid(name, text));
      return new Result(null, findings);
    }
    List<String> uris = new ArrayList<>();
    List<String> extensions = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean syntaxOk = true;
    boolean ruaSeen = false;
    for (int i = 1; i < fields.length; i++) {
      String field = stripWsp(fields[i]);
      if (field.isEmpty()) {
        // Only the last field may be empty: the optional trailing delimiter.
        if (i < fields.length - 1) {
          findings.add(TlsRptFindings.syntax(name, text, "an empty field (two ';' in a row)"));
          syntaxOk = false;
        }
        continue;
      }
      int eq = field.indexOf('=');
      String key = eq < 0 ? field : field.substring(0, eq);
      String value = eq < 0 ? "" : field.substring(eq + 1);
      String problem = fieldProblem(key, value, eq);
      if (problem != null) {
        findings.add(TlsRptFindings.syntax(name, text, problem));
        syntaxOk = false;
        continue;
      }
      if (!seen.add(key)) {
        findings.add(TlsRptFindings.duplicateTag(name, key));
        syntaxOk = false;
        continue;
      }
      if (key.equals("rua")) {
        ruaSeen = true;
        readUris(name, value, uris, findings);
      } else {
        extensions.add(key);
        findings.add(TlsRptFindings.unknownTag(name, key));
      }
    }
    if (!ruaSeen) {
      findings.add(TlsRptFindings.ruaMissing(name, text, extensions));
    }
    if (!syntaxOk || uris.isEmpty()) {
      return new Result(null, findings);
    }
    return new Result(new TlsRptRecord(text, uris, extensions), findings);
  }

  private static void readUris(String name, String value, List<String> uris,
      List<Finding> findings) {
    for (String raw : value.split(",", -1)) {
      String uri = stripWsp(raw);
      String problem = ReportUriSyntax.problem(uri);
      if (problem == null) {
        uris.add(uri);
      } else {
        findings.add(TlsRptFindings.ruaInvalid(name, uri, problem));
      }
    }
  }

  private static @Nullable String fieldProblem(String key, String value, int eq) {
    if (eq < 0) {
      return "\"" + TlsRptFindings.abbreviate(key) + "\" has no '='";
    }
    if (!isExtName(key)) {
      return "\"" + TlsRptFindings.abbreviate(key) + "\" is not a valid field name";
    }
    if (value.isEmpty()) {
      return "the field " + key + " has no value";
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      // rua may have WSP around its commas; other values are 1*(%x21-3A / %x3C / %x3E-7E).
      boolean wsp = c == ' ' || c == '\t';
      if ((wsp && !key.equals("rua")) || (!wsp && (c < 0x21 || c > 0x7e || c == '='))) {
        return "the value of " + key + " contains " + describe(c);
      }
    }
    return null;
  }

  private static boolean isExtName(String key) {
    if (key.isEmpty() || key.length() > 32 || !Character.isLetterOrDigit(key.charAt(0))) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean ok = (c < 0x80 && Character.isLetterOrDigit(c)) || c == '_' || c == '-' || c == '.';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  static String stripWsp(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
      from++;
    }
    while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
      to--;
    }
    return s.substring(from, to);
  }

  private static String describe(char c) {
    return c >= 0x21 && c <= 0x7e ? "the character '" + c + "'"
        : String.format(Locale.ROOT, "the character U+%04X", (int) c);
  }
}
