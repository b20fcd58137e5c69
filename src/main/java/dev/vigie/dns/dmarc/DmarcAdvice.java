package dev.vigie.dns.dmarc;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Advice on a valid record's settings: whether it protects anything yet, and whether reports come
 * back. Pure.
 */
final class DmarcAdvice {

  private DmarcAdvice() {}

  static List<Finding> review(DmarcRecord record, String recordDomain) {
    List<Finding> out = new ArrayList<>();
    Policy p = record.effectivePolicy();
    Policy sp = record.effectiveSubdomainPolicy();
    if (p == Policy.NONE && sp == Policy.NONE) {
      String fixed = rewrite(record, Map.of("p", "quarantine", "sp", "quarantine"));
      out.add(new Finding("dmarc.policy-none", Severity.WARNING,
          "Your DMARC record only monitors, so email pretending to be from you is still delivered.",
          "p=none" + (record.subdomainPolicy() == null ? "" : " and sp=none")
              + ": receivers take no action on mail failing DMARC (RFC 9989 General Record "
              + "Format, p). Move to quarantine, then reject, once the aggregate reports show "
              + "all your legitimate senders pass.",
          "When your reports look clean, publish at _dmarc." + recordDomain + ": \"" + fixed
              + "\"",
          List.of(recordDomain, fixed)));
    } else if (sp == Policy.NONE) {
      String fixed = rewrite(record, Map.of("sp", p.tagValue()));
      out.add(new Finding("dmarc.subdomain-policy-none", Severity.WARNING,
          "Email pretending to come from your subdomains is not blocked.",
          "p=" + p.tagValue() + " but sp=none: mail from subdomains that fails DMARC gets no "
              + "action.",
          "Publish at _dmarc." + recordDomain + ": \"" + fixed + "\"",
          List.of(recordDomain, fixed)));
    }
    if (record.testing()) {
      String fixed = rewrite(record, Map.of("t", ""));
      out.add(new Finding("dmarc.testing-mode", Severity.WARNING,
          "Your DMARC record is in test mode, so mail providers may not apply your policy.",
          "t=y asks receivers not to apply p/sp/np but to act one step weaker (RFC 9989 "
              + "General Record Format, t).",
          "When testing is over, publish at _dmarc." + recordDomain + ": \"" + fixed + "\"",
          List.of(recordDomain, fixed)));
    }
    Integer pct = record.percent();
    if (pct != null && pct < 100 && p != Policy.NONE) {
      String fixed = rewrite(record, Map.of("pct", ""));
      out.add(new Finding("dmarc.partial-enforcement", Severity.WARNING,
          "Your DMARC policy is applied to only part of the fake mail.",
          "pct=" + pct + ": RFC 7489 §6.3 receivers apply p=" + p.tagValue() + " to " + pct
              + "% of failing mail.",
          "Publish at _dmarc." + recordDomain + ": \"" + fixed + "\"",
          List.of(recordDomain, fixed)));
    }
    if (record.aggregateUris().isEmpty()) {
      String fixed = rewrite(record, Map.of("rua", "mailto:dmarc@" + recordDomain));
      out.add(new Finding("dmarc.no-rua", Severity.WARNING,
          "You are not receiving DMARC reports, so you cannot see who sends email as you.",
          "No valid rua= URI: receivers send no aggregate reports (RFC 9989 General Record "
              + "Format, rua).",
          "Publish at _dmarc." + recordDomain + ": \"" + fixed + "\"",
          List.of(recordDomain, fixed)));
    }
    if (record.tag("fo").isPresent() && record.failureUris().isEmpty()) {
      out.add(new Finding("dmarc.fo-without-ruf", Severity.INFO,
          "One setting in your DMARC record has no effect.",
          "fo= is ignored without a valid ruf= (RFC 9989 General Record Format, fo).", null));
    }
    return out;
  }

  /**
   * The record with some tags replaced or added (an empty value removes the tag), dropping the
   * tags RFC 9989 removed when the record is read as RFC 9989.
   */
  static String rewrite(DmarcRecord record, Map<String, String> changes) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("v", "DMARC1");
    tags.put("p", record.effectivePolicy().tagValue());
    for (DmarcTag t : record.tags()) {
      boolean removed = record.mode() == DmarcMode.RFC9989
          && (t.name().equals("pct") || t.name().equals("rf") || t.name().equals("ri"));
      if (!removed) {
        tags.put(t.name(), t.value());
      }
    }
    changes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      if (e.getValue().isEmpty()) {
        tags.remove(e.getKey());
      } else if (!(e.getKey().equals("sp") && !tags.containsKey("sp")
          && e.getValue().equals(tags.get("p")))) {
        tags.put(e.getKey(), e.getValue());
      }
    });
    StringBuilder sb = new StringBuilder();
    tags.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "; ").append(k).append('=').append(v));
    return sb.toString();
  }
}
