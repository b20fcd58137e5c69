package dev.vigie.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Writes RFC 7489 Appendix C aggregate reports, as receivers send them, so that demo and test data
 * go through the same parser as real reports.
 */
public final class AggregateXml {
  private AggregateXml() {}

  /** The report's header and published policy. */
  public record Header(String orgName, String email, String reportId, Instant begin, Instant end,
      String domain, String p, @Nullable String sp, @Nullable Integer pct) {}

  /** An authentication result: DKIM (domain, selector, result) or SPF (domain, scope, result). */
  public record Auth(String domain, String selectorOrScope, String result) {}

  /** One {@code <record>}. */
  public record Row(String ip, long count, String disposition, String dkimEval, String spfEval,
      String headerFrom, @Nullable String envelopeFrom, List<Auth> dkim, List<Auth> spf) {
    public Row {
      dkim = List.copyOf(dkim);
      spf = List.copyOf(spf);
    }
  }

  public static String xml(Header h, List<Row> rows) {
    StringBuilder sb = new StringBuilder(512 + rows.size() * 600);
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feedback>\n  <report_metadata>\n");
    tag(sb, 4, "org_name", h.orgName());
    tag(sb, 4, "email", h.email());
    tag(sb, 4, "report_id", h.reportId());
    sb.append("    <date_range>\n");
    tag(sb, 6, "begin", Long.toString(h.begin().getEpochSecond()));
    tag(sb, 6, "end", Long.toString(h.end().getEpochSecond()));
    sb.append("    </date_range>\n  </report_metadata>\n  <policy_published>\n");
    tag(sb, 4, "domain", h.domain());
    tag(sb, 4, "adkim", "r");
    tag(sb, 4, "aspf", "r");
    tag(sb, 4, "p", h.p());
    if (h.sp() != null) {
      tag(sb, 4, "sp", h.sp());
    }
    tag(sb, 4, "pct", h.pct() == null ? "100" : h.pct().toString());
    sb.append("  </policy_published>\n");
    for (Row r : rows) {
      sb.append("  <record>\n    <row>\n");
      tag(sb, 6, "source_ip", r.ip());
      tag(sb, 6, "count", Long.toString(r.count()));
      sb.append("      <policy_evaluated>\n");
      tag(sb, 8, "disposition", r.disposition());
      tag(sb, 8, "dkim", r.dkimEval());
      tag(sb, 8, "spf", r.spfEval());
      sb.append("      </policy_evaluated>\n    </row>\n    <identifiers>\n");
      if (r.envelopeFrom() != null) {
        tag(sb, 6, "envelope_from", r.envelopeFrom());
      }
      tag(sb, 6, "header_from", r.headerFrom());
      sb.append("    </identifiers>\n    <auth_results>\n");
      for (Auth a : r.dkim()) {
        sb.append("      <dkim>\n");
        tag(sb, 8, "domain", a.domain());
        tag(sb, 8, "selector", a.selectorOrScope());
        tag(sb, 8, "result", a.result());
        sb.append("      </dkim>\n");
      }
      for (Auth a : r.spf()) {
        sb.append("      <spf>\n");
        tag(sb, 8, "domain", a.domain());
        tag(sb, 8, "scope", a.selectorOrScope());
        tag(sb, 8, "result", a.result());
        sb.append("      </spf>\n");
      }
      sb.append("    </auth_results>\n  </record>\n");
    }
    return sb.append("</feedback>\n").toString();
  }

  /** The report gzipped, as most receivers send it. */
  public static byte[] gzip(Header h, List<Row> rows) {
    return gzip(xml(h, rows).getBytes(StandardCharsets.UTF_8));
  }

  public static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 8 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void tag(StringBuilder sb, int indent, String name, String value) {
    sb.append(" ".repeat(indent)).append('<').append(name).append('>');
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      switch (ch) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        default -> sb.append(ch);
      }
    }
    sb.append("</").append(name).append(">\n");
  }
}
