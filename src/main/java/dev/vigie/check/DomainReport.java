package dev.vigie.check;

import dev.vigie.dns.dkim.DkimCheckResult;
import dev.vigie.dns.dmarc.DmarcCheckResult;
import dev.vigie.dns.dnssec.DnssecCheck;
import dev.vigie.dns.mtasts.MtaStsResult;
import dev.vigie.dns.mx.MxResult;
import dev.vigie.dns.spf.SpfAnalysis;
import dev.vigie.dns.tlsrpt.TlsRptResult;
import dev.vigie.dns.bimi.BimiResult;
import java.time.Instant;
import java.util.List;

/**
 * Everything `vigie check` found for one domain.
 *
 * @param score 0–100: the weighted share of decided tests that pass ({@link Score})
 */
public record DomainReport(
    String domain,
    Instant checkedAt,
    int score,
    List<TestOutcome> tests,
    List<Finding> findings,
    DmarcCheckResult dmarc,
    SpfAnalysis spf,
    DkimCheckResult dkim,
    MxResult mx,
    MtaStsResult mtaSts,
    TlsRptResult tlsRpt,
    BimiResult bimi,
    DnssecCheck.Result dnssec) {

  public boolean hasErrors() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }
}
