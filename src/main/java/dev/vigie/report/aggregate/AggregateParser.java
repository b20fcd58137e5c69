package dev.vigie.report.aggregate;

import static dev.vigie.report.aggregate.XmlScanner.END;
import static dev.vigie.report.aggregate.XmlScanner.EOF;
import static dev.vigie.report.aggregate.XmlScanner.START;

import dev.vigie.report.InvalidReportException;
import dev.vigie.report.ParseLimits;
import dev.vigie.report.aggregate.AggregateRecord.PolicyOverride;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Parses DMARC aggregate report XML — RFC 7489 Appendix C, the pre-RFC draft, RFC 9990 with or
 * without its {@code urn:ietf:params:xml:ns:dmarc-2.0} namespace, and Microsoft's extra namespace
 * declarations — into an {@link AggregateReport}. Pure: bytes in, record out.
 *
 * <p>Element names are matched by local name, so any namespace prefix is accepted. Unknown elements
 * (extensions, RFC 9990 §3.1 {@code <extensions>}) are skipped.
 */
public final class AggregateParser {
  private final ParseLimits limits;

  public AggregateParser(ParseLimits limits) {
    this.limits = limits;
  }

  public AggregateReport parse(byte[] xml, String origin) {
    return parse(xml, 0, xml.length, origin);
  }

  public AggregateReport parse(byte[] xml, int from, int to, String origin) {
    List<String> warnings = new ArrayList<>();
    XmlEncoding.Utf8Doc doc = XmlEncoding.toUtf8(xml, from, to, warnings);
    XmlScanner sc = new XmlScanner(doc.bytes(), doc.from(), doc.to(), limits.maxXmlDepth(),
        limits.maxFieldLength(), warnings);
    String root = null;
    while (true) {
      int ev = sc.next();
      if (ev == EOF) {
        throw new InvalidReportException(root == null
            ? "no XML element found: not a DMARC aggregate report"
            : "no <feedback> element (the document's root is <" + root
                + ">): not a DMARC aggregate report");
      }
      if (ev == START) {
        if (sc.name().equals("feedback")) {
          break;
        }
        if (root == null) {
          root = sc.name();
        }
        if (!sc.name().equals("schema")) {
          continue;
        }
        warnings.add("ignored a stray <" + sc.name() + "> wrapper around <feedback>");
      }
    }
    AggregateBuilder r = new AggregateBuilder(warnings);
    r.namespace = sc.defaultNamespace();
    feedback(sc, r);
    if (sc.endWasSynthetic()) {
      throw new InvalidReportException(
          "the report is truncated: <feedback> is never closed (" + r.records.size()
              + " complete records read)");
    }
    return r.build(origin);
  }

  private void feedback(XmlScanner sc, AggregateBuilder r) {
    int d = sc.depth();
    while (true) {
      int ev = sc.next();
      if (ev == EOF || (ev == END && sc.depth() < d)) {
        return;
      }
      if (ev != START) {
        continue;
      }
      switch (sc.name()) {
        case "version" -> r.version = leaf(sc);
        case "report_metadata" -> metadata(sc, r);
        case "policy_published" -> {
          if (r.policySeen) {
            r.warnings.add("ignored a second <policy_published>");
            sc.skipElement();
          } else {
            r.policySeen = true;
            policy(sc, r);
          }
        }
        case "record" -> {
          if (r.records.size() == limits.maxRecords()) {
            throw new InvalidReportException(
                "the report has more than " + limits.maxRecords() + " records");
          }
          RecordBuilder rec = new RecordBuilder();
          record(sc, rec);
          r.addRecord(rec);
        }
        default -> sc.skipElement();
      }
    }
  }

  private void metadata(XmlScanner sc, AggregateBuilder r) {
    int d = sc.depth();
    while (true) {
      int ev = sc.next();
      if (ev == EOF || (ev == END && sc.depth() < d)) {
        return;
      }
      if (ev != START) {
        continue;
      }
      switch (sc.name()) {
        case "org_name" -> r.orgName = leaf(sc);
        case "email" -> r.email = leaf(sc);
        case "extra_contact_info" -> r.extraContact = leaf(sc);
        case "report_id" -> r.reportId = leaf(sc);
        case "error" -> {
          String e = leaf(sc);
          if (e != null) {
            r.errors.add(e);
          }
        }
        case "generator" -> r.generator = leaf(sc);
        case "date_range" -> dateRange(sc, r);
        default -> sc.skipElement();
      }
    }
  }

  private void dateRange(XmlScanner sc, AggregateBuilder r) {
    int d = sc.depth();
    while (true) {
      int ev = sc.next();
      if (ev == EOF || (ev == END && sc.depth() < d)) {
        return;
      }
      if (ev != START) {
        continue;
      }
      switch (sc.name()) {
        case "begin" -> r.begin = leaf(sc);
        case "end" -> r.end = leaf(sc);
        default -> sc.skipElement();
      }
    }
  }

  private void policy(XmlScanner sc, AggregateBuilder r) {
    int d = sc.depth();
    while (true) {
      int ev = sc.next();
      if (ev == EOF || (ev == END && sc.depth() < d)) {
        return;
      }
      if (ev != START) {
        continue;
      }
      switch (sc.name()) {
        case "domain" -> r.domain = leaf(sc);
        case "adkim" -> r.adkim = leaf(sc);
        case "aspf" -> r.aspf = leaf(sc);
        case "p" -> r.p = leaf(sc);
        case "sp" -> r.sp = leaf(sc);
        case "np" -> r.np = leaf(sc);
        case "pct" -> r.pct = leaf(sc);
        case "fo" -> r.fo = leaf(sc);
        case "testing" -> r.testing = leaf(sc);
        case "discovery_method" -> r.discoveryMethod = leaf(sc);
        default -> sc.skipElement();
      }
    }
  }

  private void record(XmlScanner sc, RecordBuilder rec) {
    int d = sc.depth();
    while (true) {
      int ev = sc.next();
      if (ev == EOF || (ev == END && sc.depth() < d)) {
        return;
      }
      if (ev != START) {
        continue;
      }
      switch (sc.name()) {
        case "row" -> row(sc, rec);
        // "identities" is the pre-RFC draft's name for <identifiers>.
        case "identifiers", "identities" -> identifiers(sc, rec);
        case "auth_results" -> authResults(sc, rec);
        default -> sc.skipElement();
      }
    }
  }

  private void row(XmlScanner sc, RecordBuilder rec) {
    int d = sc.depth();
    while (true) {
      int ev = sc.next();
      if (ev == EOF || (ev == END && sc.depth() < d)) {
        return;
      }
      if (ev != START) {
        continue;
      }
      switch (sc.name()) {
        case "source_ip" -> rec.sourceIp = leaf(sc);
        case "count" -> rec.count = leaf(sc);
        case "policy_evaluated" -> policyEvaluated(sc, rec);
        default -> sc.skipElement();
      }
    }
  }

  private void policyEvaluated(XmlScanner sc, RecordBuilder rec) {
    int d = sc.depth();
    while (true) {
      int ev = sc.next();
      if (ev == EOF || (ev == END && sc.depth() < d)) {
        return;
      }
      if (ev != START) {
        continue;
      }
      switch (sc.name()) {
        case "disposition" -> rec.disposition = leaf(sc);
        case "dkim" -> rec.dkimEval = leaf(sc);
        case "spf" -> rec.spfEval = leaf(sc);
        case "reason" -> rec.overrides.add(reason(sc));
        default -> sc.skipElement();
      }
    }
  }

  private void identifiers(XmlScanner sc, RecordBuilder rec) {
    int d = sc.depth();
    while (true) {
      int ev = sc.next();
      if (ev == EOF || (ev == END && sc.depth() < d)) {
        return;
      }
      if (ev != START) {
        continue;
      }
      switch (sc.name()) {
        case "header_from" -> rec.headerFrom = leaf(sc);
        case "envelope_from" -> {
          rec.envelopeFrom = leaf(sc);
          rec.envelopeFromElement = true;
        }
        case "envelope_to" -> rec.envelopeTo = leaf(sc);
        default -> sc.skipElement();
      }
    }
  }

  private void authResults(XmlScanner sc, RecordBuilder rec) {
    int d = sc.depth();
    while (true) {
      int ev = sc.next();
      if (ev == EOF || (ev == END && sc.depth() < d)) {
        return;
      }
      if (ev != START) {
        continue;
      }
      switch (sc.name()) {
        case "dkim" -> authResult(sc, rec, true);
        case "spf" -> authResult(sc, rec, false);
        default -> sc.skipElement();
      }
    }
  }

  private PolicyOverride reason(XmlScanner sc) {
    String type = null;
    String comment = null;
    int d = sc.depth();
    while (true) {
      int ev = sc.next();
      if (ev == EOF || (ev == END && sc.depth() < d)) {
        break;
      }
      if (ev == START) {
        switch (sc.name()) {
          case "type" -> type = leaf(sc);
          case "comment" -> comment = leaf(sc);
          default -> sc.skipElement();
        }
      }
    }
    return new PolicyOverride(type == null ? "" : type.toLowerCase(Locale.ROOT), comment);
  }

  private void authResult(XmlScanner sc, RecordBuilder rec, boolean dkim) {
    String domain = null;
    String selectorOrScope = null;
    String result = null;
    String human = null;
    int d = sc.depth();
    while (true) {
      int ev = sc.next();
      if (ev == EOF || (ev == END && sc.depth() < d)) {
        break;
      }
      if (ev == START) {
        switch (sc.name()) {
          case "domain" -> domain = leaf(sc);
          case "selector", "scope" -> selectorOrScope = leaf(sc);
          case "result" -> result = leaf(sc);
          case "human_result" -> human = leaf(sc);
          default -> sc.skipElement();
        }
      }
    }
    if (dkim) {
      rec.dkim.add(new RawAuth(domain, selectorOrScope, result, human));
    } else {
      rec.spf.add(new RawAuth(domain, selectorOrScope, result, human));
    }
  }

  /** Reads a leaf element whose START was just returned; nested markup inside it is dropped. */
  private static @Nullable String leaf(XmlScanner sc) {
    int d = sc.depth();
    while (true) {
      int ev = sc.next();
      if (ev == EOF) {
        return null;
      }
      if (ev == END && sc.depth() == d - 1) {
        return sc.text();
      }
    }
  }

  /** An auth_results entry as written, before defaults and normalisation. */
  record RawAuth(
      @Nullable String domain, @Nullable String qualifier, @Nullable String result,
      @Nullable String human) {}

  /** Fields of one {@code <record>} as read. */
  static final class RecordBuilder {
    @Nullable String sourceIp;
    @Nullable String count;
    @Nullable String disposition;
    @Nullable String dkimEval;
    @Nullable String spfEval;
    final List<PolicyOverride> overrides = new ArrayList<>(1);
    @Nullable String headerFrom;
    @Nullable String envelopeFrom;
    @Nullable String envelopeTo;
    final List<RawAuth> dkim = new ArrayList<>(2);
    final List<RawAuth> spf = new ArrayList<>(1);
    boolean envelopeFromElement;
  }

  static Instant epoch(@Nullable String text, String field) {
    if (text == null) {
      throw new InvalidReportException("report_metadata has no date_range " + field);
    }
    String t = text.strip();
    int dot = t.indexOf('.');
    if (dot >= 0) {
      t = t.substring(0, dot);
    }
    try {
      return Instant.ofEpochSecond(Long.parseLong(t));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      throw new InvalidReportException(
          "date_range " + field + " \"" + text + "\" is not a Unix timestamp");
    }
  }
}
