package dev.vigie.enrich;

import dev.vigie.report.aggregate.AggregateRecord;
import dev.vigie.report.aggregate.AggregateRecord.DkimResult;
import dev.vigie.report.aggregate.AggregateRecord.PolicyOverride;
import dev.vigie.report.aggregate.AggregateRecord.SpfResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Builds aggregate records the way receivers report them; header From is {@code example.com}. */
final class Records {
  private String ip = "192.0.2.10";
  private String headerFrom = "example.com";
  private @Nullable String envelopeFrom;
  private String dkimEvaluated = "fail";
  private String spfEvaluated = "fail";
  private final List<DkimResult> dkim = new ArrayList<>();
  private final List<SpfResult> spf = new ArrayList<>();
  private final List<PolicyOverride> overrides = new ArrayList<>();

  static Records from(String ip) {
    Records r = new Records();
    r.ip = ip;
    return r;
  }

  Records headerFrom(String domain) {
    headerFrom = domain;
    return this;
  }

  /** policy_evaluated: the aligned verdicts. */
  Records evaluated(String dkimVerdict, String spfVerdict) {
    dkimEvaluated = dkimVerdict;
    spfEvaluated = spfVerdict;
    return this;
  }

  Records dkim(String domain, String result) {
    dkim.add(new DkimResult(domain, "selector1", result, null));
    return this;
  }

  /** The MAIL FROM domain and SPF's result for it. */
  Records spf(String envelopeDomain, String result) {
    envelopeFrom = envelopeDomain;
    spf.add(new SpfResult(envelopeDomain, "mfrom", result, null));
    return this;
  }

  Records override(String type) {
    overrides.add(new PolicyOverride(type, null));
    return this;
  }

  AggregateRecord build() {
    Instant begin = Instant.parse("2025-03-01T00:00:00Z");
    String disposition = "pass".equals(dkimEvaluated) || "pass".equals(spfEvaluated) ? "none" : "quarantine";
    return new AggregateRecord(ip, 12, disposition, dkimEvaluated, spfEvaluated, overrides,
        headerFrom, envelopeFrom, null, dkim, spf, begin, begin.plusSeconds(86_400), false);
  }
}
