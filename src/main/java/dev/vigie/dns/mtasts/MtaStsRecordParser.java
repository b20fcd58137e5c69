package dev.vigie.dns.mtasts;

import dev.vigie.check.Finding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads one {@code _mta-sts} TXT record against the RFC 8461 §3.1 grammar. Pure.
 *
 * <pre>
 * sts-text-record = sts-version 1*(sts-field-delim sts-field) [sts-field-delim]
 * sts-field-delim = *WSP ";" *WSP
 * sts-version     = %s"v=STSv1"
 * sts-id          = %s"id=" 1*32(ALPHA / DIGIT)
 * sts-ext-name    = (ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".")
 * sts-ext-value   = 1*(%x21-3A / %x3C / %x3E-7E)
 * </pre>
 */
public final class MtaStsRecordParser {

  static final String VERSION = "v=STSv1";

  /** The parsed record (null when senders must ignore it) and what was wrong with it. */
  public record Result(@Nullable MtaStsRecord record, List<Finding> findings) {
    public Result {
      findings = List.copyOf(findings);
    }
  }

  private MtaStsRecordParser() {}

  /** @param name the DNS name the record was found at, for the findings' wording */
  public static Result parse(String name, String text) {
    List<Finding> findings = new ArrayList<>();
    String[] fields = text.split(";", -1);
    if (!fields[0].startsWith(VERSION) || !Fields.stripWsp(fields[0]).equals(VERSION)) {
      findings.add(RecordFindings.versionInvalid(name, text));
      return new Result(null, findings);
    }
    boolean valid = true;
    String id = null;
    List<String> extensions = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 1; i < fields.length; i++) {
      String field = Fields.stripWsp(fields[i]);
      if (field.isEmpty()) {
        // Only the last field may be empty: the optional trailing delimiter.
        if (i < fields.length - 1) {
          findings.add(RecordFindings.syntax(name, text, "an empty field (two ';' in a row)"));
          valid = false;
        }
        continue;
      }
      int eq = field.indexOf('=');
      String key = eq < 0 ? field : field.substring(0, eq);
      String value = eq < 0 ? "" : field.substring(eq + 1);
      String problem = eq < 0 ? "\"" + Fields.abbreviate(key) + "\" has no '='"
          : Fields.tagProblem(key, value);
      if (problem != null) {
        findings.add(RecordFindings.syntax(name, text, problem));
        valid = false;
      } else if (!seen.add(key)) {
        findings.add(RecordFindings.duplicateTag(name, key));
        valid = false;
      } else if (key.equals("id")) {
        if (isValidId(value)) {
          id = value;
        } else {
          findings.add(RecordFindings.idInvalid(name, value));
          valid = false;
        }
      } else {
        extensions.add(key);
        findings.add(RecordFindings.unknownTag(name, key));
      }
    }
    if (id == null && !seen.contains("id")) {
      findings.add(RecordFindings.idMissing(name, text));
    }
    if (!valid || id == null) {
      return new Result(null, findings);
    }
    return new Result(new MtaStsRecord(text, id, extensions), findings);
  }

  /** RFC 8461 §3.1: {@code 1*32(ALPHA / DIGIT)}. */
  static boolean isValidId(String id) {
    if (id.isEmpty() || id.length() > 32) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }
}
