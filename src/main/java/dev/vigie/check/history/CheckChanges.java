package dev.vigie.check.history;

import dev.vigie.check.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What changed between two checks of a domain: records added, removed or changed, a DMARC policy
 * or MTA-STS mode weakened, SPF going over its 10-lookup limit, a DKIM key removed, revoked or
 * weakened, DNSSEC lost, new errors. Pure: two snapshots in, events out.
 */
public final class CheckChanges {
  private static final List<String> POLICY_ORDER = List.of("none", "quarantine", "reject");
  private static final List<String> MODE_ORDER = List.of("none", "testing", "enforce");

  /** Every code {@link #between} can produce (the bundles have a text for each). */
  public static final List<String> CODES = List.of(
      "dmarc.record-added", "dmarc.record-removed", "dmarc.record-changed",
      "dmarc.policy-weakened", "dmarc.policy-strengthened",
      "spf.record-added", "spf.record-removed", "spf.record-changed", "spf.over-lookup-limit",
      "dkim.key-removed", "dkim.key-revoked", "dkim.key-weakened", "dkim.key-added",
      "mx.changed", "mtasts.mode-weakened", "mtasts.mode-strengthened",
      "tlsrpt.record-added", "tlsrpt.record-removed", "tlsrpt.record-changed",
      "bimi.record-added", "bimi.record-removed", "bimi.record-changed",
      "dnssec.lost", "finding.new-error");

  private CheckChanges() {}

  public static List<ChangeEvent> between(CheckSnapshot before, CheckSnapshot after) {
    Events e = new Events(after.domain());
    record(e, "dmarc", "DMARC record", before.dmarcRecord(), after.dmarcRecord());
    ranked(e, "dmarc.policy", "DMARC policy", POLICY_ORDER, before.dmarcPolicy(), after.dmarcPolicy());
    record(e, "spf", "SPF record", before.spfRecord(), after.spfRecord());
    if (before.spfLookups() <= 10 && after.spfLookups() > 10) {
      e.add("spf.over-lookup-limit", Severity.ERROR, "SPF now needs more than 10 DNS lookups, so"
          + " receivers treat it as broken", before.spfLookups() + "", after.spfLookups() + "");
    }
    for (Map.Entry<String, String> k : new TreeMap<>(before.dkimKeys()).entrySet()) {
      String now = after.dkimKeys().get(k.getKey());
      if (now == null) {
        e.add("dkim.key-removed", k.getKey(), Severity.WARNING,
            "DKIM key " + k.getKey() + " was removed",
            k.getValue(), "");
      } else if (now.equals("revoked") && !k.getValue().equals("revoked")) {
        e.add("dkim.key-revoked", k.getKey(), Severity.WARNING,
            "DKIM key " + k.getKey() + " was revoked",
            k.getValue(), now);
      } else if (bits(now) < bits(k.getValue())) {
        e.add("dkim.key-weakened", k.getKey(), Severity.WARNING,
            "DKIM key " + k.getKey() + " got shorter",
            k.getValue(), now);
      }
    }
    for (Map.Entry<String, String> k : new TreeMap<>(after.dkimKeys()).entrySet()) {
      if (!before.dkimKeys().containsKey(k.getKey())) {
        e.add("dkim.key-added", k.getKey(), Severity.INFO,
            "DKIM key " + k.getKey() + " appeared", "", k.getValue());
      }
    }
    if (!before.mxHosts().equals(after.mxHosts())) {
      e.add("mx.changed", Severity.INFO, "The mail servers changed",
          String.join(" ", before.mxHosts()), String.join(" ", after.mxHosts()));
    }
    ranked(e, "mtasts.mode", "MTA-STS mode", MODE_ORDER, before.mtaStsMode(), after.mtaStsMode());
    record(e, "tlsrpt", "TLS-RPT record", before.tlsRptRecord(), after.tlsRptRecord());
    record(e, "bimi", "BIMI record", before.bimiRecord(), after.bimiRecord());
    if (before.dnssec().equals("validated") && !after.dnssec().equals("validated")
        && !after.dnssec().equals("unknown")) {
      e.add("dnssec.lost", Severity.WARNING, "DNSSEC no longer validates", before.dnssec(),
          after.dnssec());
    }
    for (String code : after.errorCodes()) {
      if (!before.errorCodes().contains(code)) {
        e.add("finding.new-error", code, Severity.ERROR, "New problem: " + code, "", code);
      }
    }
    return e.list;
  }

  private static void record(Events e, String prefix, String what, @Nullable String before,
      @Nullable String after) {
    if (Objects.equals(before, after)) {
      return;
    }
    if (before == null) {
      e.add(prefix + ".record-added", Severity.INFO, what + " published", "", after);
    } else if (after == null) {
      e.add(prefix + ".record-removed", Severity.ERROR, what + " removed", before, "");
    } else {
      e.add(prefix + ".record-changed", Severity.INFO, what + " changed", before, after);
    }
  }

  private static void ranked(Events e, String prefix, String what, List<String> order,
      @Nullable String before, @Nullable String after) {
    int b = before == null ? -1 : order.indexOf(before);
    int a = after == null ? -1 : order.indexOf(after);
    if (a < b) {
      e.add(prefix + "-weakened", Severity.WARNING, what + " weakened",
          before == null ? "" : before, after == null ? "" : after);
    } else if (a > b && b >= 0) {
      e.add(prefix + "-strengthened", Severity.INFO, what + " strengthened", before, after);
    }
  }

  private static int bits(String key) {
    int space = key.lastIndexOf(' ');
    try {
      return space < 0 ? 0 : Integer.parseInt(key.substring(space + 1));
    } catch (NumberFormatException ex) {
      return 0;
    }
  }

  private static final class Events {
    final String domain;
    final List<ChangeEvent> list = new ArrayList<>();

    Events(String domain) {
      this.domain = domain;
    }

    void add(String code, Severity s, String summary, @Nullable String before,
        @Nullable String after) {
      add(code, "", s, summary, before, after);
    }

    void add(String code, String subject, Severity s, String summary, @Nullable String before,
        @Nullable String after) {
      list.add(new ChangeEvent(domain, code, subject, s, summary, before == null ? "" : before,
          after == null ? "" : after));
    }
  }
}
