package dev.vigie.report.aggregate;

import dev.vigie.report.InvalidReportException;
import dev.vigie.report.aggregate.AggregateParser.RawAuth;
import dev.vigie.report.aggregate.AggregateParser.RecordBuilder;
import dev.vigie.report.aggregate.AggregateRecord.DkimResult;
import dev.vigie.report.aggregate.AggregateRecord.SpfResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Collects what the parser read and applies parsedmarc-compatible defaults and normalisations,
 * noting each leniency once per report.
 */
final class AggregateBuilder {
  /** Reports covering more than this are split per UTC day, as parsedmarc does (24 h default). */
  static final long NORMALIZE_AFTER_SECONDS = 24 * 3600;
  /**
   * Reports claiming to cover more than this are not split: monthly reports exist, a date_range
   * of centuries is a reporter's mistake (or hostile) and would make a record per day of it.
   * Their counts are kept whole, with a warning.
   */
  static final long SPLIT_AT_MOST_SECONDS = 31 * 24 * 3600;

  final List<String> warnings;
  @Nullable String namespace;
  @Nullable String version;
  @Nullable String orgName;
  @Nullable String email;
  @Nullable String extraContact;
  @Nullable String reportId;
  @Nullable String begin;
  @Nullable String end;
  final List<String> errors = new ArrayList<>(0);
  @Nullable String generator;
  boolean policySeen;
  @Nullable String domain;
  @Nullable String adkim;
  @Nullable String aspf;
  @Nullable String p;
  @Nullable String sp;
  @Nullable String np;
  @Nullable String pct;
  @Nullable String fo;
  @Nullable String testing;
  @Nullable String discoveryMethod;
  final List<RecordBuilder> records = new ArrayList<>();

  private boolean warnedCase;
  private int backfilledEnvelopeFrom;
  private int skipped;

  AggregateBuilder(List<String> warnings) {
    this.warnings = warnings;
  }

  void addRecord(RecordBuilder rec) {
    records.add(rec);
  }

  AggregateReport build(String origin) {
    ReportMetadata meta = metadata();
    PolicyPublished policy = policy();
    long span = meta.timespanSeconds();
    boolean split = span > NORMALIZE_AFTER_SECONDS && span <= SPLIT_AT_MOST_SECONDS;
    List<AggregateRecord> out = new ArrayList<>(split ? records.size() * 2 : records.size());
    for (int i = 0; i < records.size(); i++) {
      AggregateRecord r = record(records.get(i), i + 1, meta);
      if (r == null) {
        continue;
      }
      if (split) {
        DaySplitter.split(r, meta.begin(), meta.end(), out);
      } else {
        out.add(r);
      }
    }
    if (split) {
      warnings.add("the report covers " + span + " s (over 24 h): each record's count was split"
          + " across the UTC days it covers, as parsedmarc does");
    } else if (span > SPLIT_AT_MOST_SECONDS) {
      warnings.add("the report claims to cover " + span / 86_400 + " days (" + meta.begin()
          + " to " + meta.end() + "), over the 31 a report can: its counts were kept whole, not"
          + " split per day");
    }
    if (backfilledEnvelopeFrom > 0) {
      warnings.add(backfilledEnvelopeFrom + " record(s) had no envelope_from; it was taken from"
          + " the domain of their last SPF result");
    }
    if (skipped > 0) {
      warnings.add(skipped + " record(s) were skipped, see the warnings above");
    }
    String schema = version == null ? "draft" : version;
    return new AggregateReport(origin, List.copyOf(warnings), schema, namespace, meta, policy,
        out);
  }

  private ReportMetadata metadata() {
    String org = orgName;
    if (org == null && email != null) {
      int at = email.lastIndexOf('@');
      org = stripBrackets(at >= 0 ? email.substring(at + 1) : email);
      warnings.add("org_name is empty; taken from the reporter's email domain (" + org + ")");
    }
    if (org == null || org.isBlank()) {
      throw new InvalidReportException("report_metadata has neither org_name nor email");
    }
    if (org.indexOf(' ') < 0 && org.indexOf('.') > 0) {
      org = org.toLowerCase(Locale.ROOT);
    }
    if (reportId == null) {
      throw new InvalidReportException("report_metadata has no report_id");
    }
    String id = stripBrackets(reportId);
    Instant b = AggregateParser.epoch(begin, "begin");
    Instant e = AggregateParser.epoch(end, "end");
    if (e.isBefore(b)) {
      warnings.add("date_range end is before its begin; the two were swapped");
      Instant t = b;
      b = e;
      e = t;
    }
    String mail = email == null ? null : stripBrackets(email);
    return new ReportMetadata(org, mail, extraContact, id, b, e, List.copyOf(errors), generator);
  }

  private PolicyPublished policy() {
    if (!policySeen) {
      throw new InvalidReportException("the report has no policy_published");
    }
    if (domain == null) {
      throw new InvalidReportException("policy_published has no domain");
    }
    String policyP = word(p, "p", null);
    if (policyP == null) {
      warnings.add("policy_published has no p");
    }
    String subP = word(sp, "sp", policyP);
    return new PolicyPublished(domain.toLowerCase(Locale.ROOT), word(adkim, "adkim", "r"),
        word(aspf, "aspf", "r"), policyP, subP, pct, fo, word(np, "np", null),
        word(testing, "testing", null), word(discoveryMethod, "discovery_method", null));
  }

  private @Nullable AggregateRecord record(RecordBuilder r, int n, ReportMetadata meta) {
    if (r.sourceIp == null) {
      skip("record " + n + " has no source_ip");
      return null;
    }
    String ip = IpLiteral.normalize(r.sourceIp);
    if (ip == null) {
      skip("record " + n + " has an invalid source_ip \"" + r.sourceIp + "\"");
      return null;
    }
    long count;
    try {
      count = Long.parseLong(r.count == null ? "" : r.count.strip());
    } catch (NumberFormatException e) {
      skip("record " + n + " has an invalid count \"" + r.count + "\"");
      return null;
    }
    if (count < 0) {
      skip("record " + n + " has a negative count " + count);
      return null;
    }
    List<DkimResult> dkim = new ArrayList<>(r.dkim.size());
    for (RawAuth a : r.dkim) {
      dkim.add(new DkimResult(lowerOrEmpty(a.domain()), a.qualifier() == null ? "none"
          : a.qualifier(), word(a.result(), "dkim result", "none"), a.human()));
    }
    List<SpfResult> spf = new ArrayList<>(r.spf.size());
    for (RawAuth a : r.spf) {
      spf.add(new SpfResult(lowerOrEmpty(a.domain()), word(a.qualifier(), "spf scope", "mfrom"),
          word(a.result(), "spf result", "none"), a.human()));
    }
    String envelopeFrom = r.envelopeFrom == null ? null : r.envelopeFrom.toLowerCase(Locale.ROOT);
    if (envelopeFrom == null && !spf.isEmpty() && !spf.get(spf.size() - 1).domain().isEmpty()) {
      envelopeFrom = spf.get(spf.size() - 1).domain();
      backfilledEnvelopeFrom++;
    }
    return new AggregateRecord(ip, count, word(r.disposition, "disposition", "none"),
        word(r.dkimEval, "policy_evaluated dkim", "fail"),
        word(r.spfEval, "policy_evaluated spf", "fail"), List.copyOf(r.overrides),
        lowerOrEmpty(r.headerFrom), envelopeFrom, r.envelopeTo, List.copyOf(dkim),
        List.copyOf(spf), meta.begin(), meta.end(), false);
  }

  private void skip(String why) {
    warnings.add(why + "; skipped");
    skipped++;
  }

  /** A lower-case keyword (RFC 7489 Appendix C enumerations are lower case). */
  private @Nullable String word(@Nullable String v, String field, @Nullable String dflt) {
    if (v == null) {
      return dflt;
    }
    String lower = v.toLowerCase(Locale.ROOT);
    if (!warnedCase && !lower.equals(v)) {
      warnedCase = true;
      warnings.add("keywords written in capitals were lower-cased (" + field + " \"" + v + "\")");
    }
    return lower;
  }

  private static String lowerOrEmpty(@Nullable String v) {
    return v == null ? "" : v.toLowerCase(Locale.ROOT);
  }

  private static String stripBrackets(String s) {
    String t = s.strip();
    if (t.length() >= 2 && t.charAt(0) == '<' && t.charAt(t.length() - 1) == '>') {
      t = t.substring(1, t.length() - 1).strip();
    }
    return t;
  }
}
