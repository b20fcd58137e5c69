package dev.vigie.check.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigie.check.DomainReport;
import dev.vigie.check.Finding;
import dev.vigie.check.TestOutcome;
import dev.vigie.check.history.ChangeEvent;
import dev.vigie.dns.dkim.SelectorResult;
import dev.vigie.dns.mx.MxHost;
import dev.vigie.dns.spf.SpfNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * A {@link DomainReport} as one JSON object: {@code domain}, {@code score}, {@code tests[]},
 * {@code findings[]} ({@code code}, {@code severity}, {@code summary}, {@code detail},
 * {@code fix}, {@code args}: the values the translated texts quote) and the parsed {@code records}.
 */
public final class DomainReportJson {
  private static final JsonFactory JSON = new JsonFactory();

  private DomainReportJson() {}

  public static String write(DomainReport r) {
    return write(r, List.of());
  }

  /** With {@code changes}: what changed since the previous check of the domain. */
  public static String write(DomainReport r, List<ChangeEvent> changes) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("domain", r.domain());
      g.writeStringField("checked_at", r.checkedAt().toString());
      g.writeNumberField("score", r.score());
      g.writeArrayFieldStart("tests");
      for (TestOutcome t : r.tests()) {
        g.writeStartObject();
        g.writeStringField("id", t.id());
        g.writeStringField("level", lower(t.level().name()));
        g.writeStringField("status", lower(t.status().name()));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("findings");
      for (Finding f : r.findings()) {
        g.writeStartObject();
        g.writeStringField("code", f.code());
        g.writeStringField("severity", lower(f.severity().name()));
        g.writeStringField("summary", f.summary());
        g.writeStringField("detail", f.detail());
        g.writeStringField("fix", f.fix());
        g.writeArrayFieldStart("args");
        for (String a : f.args()) {
          g.writeString(a);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("changes");
      for (ChangeEvent c : changes) {
        g.writeStartObject();
        g.writeStringField("code", c.code());
        g.writeStringField("severity", lower(c.severity().name()));
        g.writeStringField("summary", c.summary());
        g.writeStringField("before", c.before());
        g.writeStringField("after", c.after());
        g.writeEndObject();
      }
      g.writeEndArray();
      records(g, r);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static void records(JsonGenerator g, DomainReport r) throws IOException {
    g.writeObjectFieldStart("records");
    g.writeObjectFieldStart("dmarc");
    g.writeStringField("name", r.dmarc().recordDomain() == null ? null
        : "_dmarc." + r.dmarc().recordDomain());
    g.writeStringField("record", r.dmarc().recordText());
    if (r.dmarc().record() != null) {
      g.writeStringField("p", lower(r.dmarc().record().effectivePolicy().name()));
      g.writeStringField("sp", lower(r.dmarc().record().effectiveSubdomainPolicy().name()));
    }
    g.writeEndObject();
    g.writeObjectFieldStart("spf");
    g.writeStringField("record", r.spf().root().record());
    g.writeNumberField("dns_lookups", r.spf().totalLookups());
    g.writeNumberField("void_lookups", r.spf().voidLookups());
    g.writeFieldName("tree");
    spfNode(g, r.spf().root());
    g.writeEndObject();
    g.writeArrayFieldStart("dkim");
    for (SelectorResult s : r.dkim().found()) {
      g.writeStartObject();
      g.writeStringField("selector", s.selector());
      g.writeStringField("name", s.name());
      if (s.key() != null) {
        g.writeStringField("key_type", s.key().keyType() == null ? s.key().keyTypeTag()
            : lower(s.key().keyType().name()));
        g.writeNumberField("key_bits", s.key().keyBits());
        g.writeBooleanField("revoked", s.key().revoked());
        g.writeBooleanField("testing", s.key().testing());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("mx");
    g.writeBooleanField("null_mx", r.mx().nullMx());
    g.writeArrayFieldStart("hosts");
    for (MxHost h : r.mx().hosts()) {
      g.writeStartObject();
      g.writeNumberField("preference", h.preference());
      g.writeStringField("host", h.host());
      g.writeArrayFieldStart("addresses");
      for (String a : h.addresses()) {
        g.writeString(a);
      }
      g.writeEndArray();
      g.writeBooleanField("forward_confirmed_reverse_dns", h.forwardConfirmed());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeObjectFieldStart("mta_sts");
    g.writeStringField("record", r.mtaSts().record() == null ? null : r.mtaSts().record().text());
    g.writeStringField("policy_url", r.mtaSts().policyUrl());
    if (r.mtaSts().policy() != null) {
      g.writeStringField("mode", lower(r.mtaSts().policy().mode().name()));
      g.writeNumberField("max_age", r.mtaSts().policy().maxAge());
      g.writeArrayFieldStart("mx");
      for (String p : r.mtaSts().policy().mxPatterns()) {
        g.writeString(p);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    g.writeObjectFieldStart("tls_rpt");
    g.writeStringField("record", r.tlsRpt().recordText());
    g.writeEndObject();
    g.writeObjectFieldStart("bimi");
    g.writeStringField("record", r.bimi().recordText());
    g.writeEndObject();
    g.writeObjectFieldStart("dnssec");
    g.writeStringField("status", lower(r.dnssec().status().name()));
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void spfNode(JsonGenerator g, SpfNode n) throws IOException {
    g.writeStartObject();
    g.writeStringField("domain", n.domain());
    g.writeStringField("via", n.via());
    g.writeStringField("record", n.record());
    g.writeNumberField("lookups", n.lookups());
    g.writeNumberField("total_lookups", n.totalLookups());
    g.writeArrayFieldStart("includes");
    for (SpfNode c : n.children()) {
      spfNode(g, c);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
