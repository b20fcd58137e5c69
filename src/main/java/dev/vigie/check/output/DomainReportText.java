package dev.vigie.check.output;

import dev.vigie.check.DomainReport;
import dev.vigie.check.Finding;
import dev.vigie.check.TestOutcome;
import dev.vigie.check.history.ChangeEvent;
import dev.vigie.dns.mx.MxHost;
import java.util.List;
import java.util.Locale;

/** A {@link DomainReport} as a report a technician reads in a terminal. */
public final class DomainReportText {
  private DomainReportText() {}

  public static String write(DomainReport r) {
    return write(r, List.of());
  }

  public static String write(DomainReport r, List<ChangeEvent> changes) {
    StringBuilder b = new StringBuilder();
    b.append(r.domain()).append("  score ").append(r.score()).append("/100\n");
    line(b, "DMARC", r.dmarc().recordText());
    line(b, "SPF", r.spf().root().record() == null ? null
        : r.spf().root().record() + "  (" + r.spf().totalLookups() + "/10 DNS lookups)");
    StringBuilder dkim = new StringBuilder();
    r.dkim().found().forEach(s -> dkim.append(dkim.isEmpty() ? "" : ", ").append(s.selector())
        .append(s.key() == null ? "" : " (" + s.key().keyTypeTag() + " " + s.key().keyBits()
            + " bits)"));
    line(b, "DKIM", dkim.isEmpty() ? null : dkim.toString());
    StringBuilder mx = new StringBuilder();
    for (MxHost h : r.mx().hosts()) {
      mx.append(mx.isEmpty() ? "" : ", ").append(h.preference()).append(' ').append(h.host());
    }
    line(b, "MX", r.mx().nullMx() ? "null MX (no mail)" : mx.isEmpty() ? null : mx.toString());
    line(b, "MTA-STS", r.mtaSts().policy() == null ? null
        : DomainReportJson.lower(r.mtaSts().policy().mode().name()) + ", max_age "
            + r.mtaSts().policy().maxAge());
    line(b, "TLS-RPT", r.tlsRpt().recordText());
    line(b, "BIMI", r.bimi().recordText());
    line(b, "DNSSEC", DomainReportJson.lower(r.dnssec().status().name()));
    b.append("  tests:");
    for (TestOutcome t : r.tests()) {
      b.append(' ').append(t.id()).append('=').append(t.status().name().toLowerCase(Locale.ROOT));
    }
    b.append('\n');
    for (Finding f : r.findings()) {
      b.append("  ").append(String.format(Locale.ROOT, "%-7s", f.severity())).append(f.code())
          .append(": ").append(f.summary()).append('\n');
      b.append("           ").append(f.detail()).append('\n');
      if (f.fix() != null) {
        b.append("           fix: ").append(f.fix()).append('\n');
      }
    }
    for (ChangeEvent c : changes) {
      b.append("  CHANGED ").append(c.code()).append(": ").append(c.summary());
      if (!c.before().isEmpty() || !c.after().isEmpty()) {
        b.append(" (").append(c.before().isEmpty() ? "none" : c.before()).append(" -> ")
            .append(c.after().isEmpty() ? "none" : c.after()).append(')');
      }
      b.append('\n');
    }
    return b.append('\n').toString();
  }

  private static void line(StringBuilder b, String label, String value) {
    b.append("  ").append(String.format(Locale.ROOT, "%-8s", label))
        .append(value == null ? "(none)" : value).append('\n');
  }
}
