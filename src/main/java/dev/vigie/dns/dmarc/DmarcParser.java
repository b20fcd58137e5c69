package dev.vigie.dns.dmarc;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses and validates one DMARC record (RFC 9989 §4.7, §4.8; or RFC 7489 §6.3, §6.4). Pure.
 *
 * <p>Receivers ignore a record whose first tag is not exactly {@code v=DMARC1} (RFC 9989 General
 * Record Format, v); that is the only fatal problem. Anything else is reported and, as receivers
 * do, replaced by its default or ignored.
 */
public final class DmarcParser {

  /** A TXT RR's RDATA cannot exceed 65535 octets; anything longer is not from DNS. */
  static final int MAX_RECORD_LENGTH = 65_535;

  /** Findings beyond this are summarised in one, so a hostile record cannot flood the output. */
  static final int MAX_FINDINGS = 25;

  private final DmarcMode mode;

  public DmarcParser(DmarcMode mode) {
    this.mode = mode;
  }

  public DmarcParseResult parse(String text) {
    List<Finding> findings = new ArrayList<>();
    if (text.length() > MAX_RECORD_LENGTH) {
      findings.add(ParseFindings.tooLong(text.length()));
      return new DmarcParseResult(null, findings);
    }
    int lead = 0;
    while (lead < text.length() && Character.isWhitespace(text.charAt(lead))) {
      lead++;
    }
    if (lead > 0) {
      findings.add(ParseFindings.leadingWhitespace(lead));
    }
    List<TagListScanner.Item> items = TagListScanner.scan(text.substring(lead));
    DmarcTag first = items.isEmpty() ? null : items.get(0).tag();
    if (first == null || !first.name().equals("v")) {
      findings.add(ParseFindings.versionNotFirst(text));
      return new DmarcParseResult(null, findings);
    }
    if (!first.value().equals("DMARC1")) {
      findings.add(ParseFindings.invalidVersion(first.value()));
      return new DmarcParseResult(null, findings);
    }
    List<DmarcTag> tags = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (TagListScanner.Item item : items) {
      DmarcTag tag = item.tag();
      if (tag == null) {
        findings.add(ParseFindings.syntaxError(item.error(), item.position() + lead, text));
      } else if (!seen.add(tag.name())) {
        findings.add(ParseFindings.duplicateTag(tag.name(), tag.position() + lead));
      } else {
        tags.add(new DmarcTag(tag.name(), tag.value(), tag.position() + lead));
      }
    }
    DmarcRecord record = new TagInterpreter(mode, findings).interpret(text, tags);
    return new DmarcParseResult(record, capped(findings));
  }

  private static List<Finding> capped(List<Finding> findings) {
    if (findings.size() <= MAX_FINDINGS) {
      return findings;
    }
    List<Finding> out = new ArrayList<>(findings.subList(0, MAX_FINDINGS));
    out.add(ParseFindings.tooManyProblems(findings.size() - MAX_FINDINGS));
    return out;
  }
}
