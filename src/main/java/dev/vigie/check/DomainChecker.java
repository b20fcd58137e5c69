package dev.vigie.check;

import static dev.vigie.check.CheckLevel.INFORMATIONAL;
import static dev.vigie.check.CheckLevel.RECOMMENDED;
import static dev.vigie.check.CheckLevel.REQUIRED;

import dev.vigie.dns.DnsClient;
import dev.vigie.dns.bimi.BimiChecker;
import dev.vigie.dns.bimi.BimiResult;
import dev.vigie.dns.bimi.DmarcInputs;
import dev.vigie.dns.bimi.LogoFetcher;
import dev.vigie.dns.dkim.DkimCheckResult;
import dev.vigie.dns.dkim.DkimChecker;
import dev.vigie.dns.dmarc.DmarcCheckResult;
import dev.vigie.dns.dmarc.DmarcChecker;
import dev.vigie.dns.dmarc.DmarcRecord;
import dev.vigie.dns.dmarc.Policy;
import dev.vigie.dns.dnssec.DnssecCheck;
import dev.vigie.dns.dnssec.DnssecStatus;
import dev.vigie.dns.mtasts.MtaStsChecker;
import dev.vigie.dns.mtasts.MtaStsResult;
import dev.vigie.dns.mtasts.PolicyFetcher;
import dev.vigie.dns.mx.MxResult;
import dev.vigie.dns.mx.MxCheck;
import dev.vigie.dns.spf.SpfAnalysis;
import dev.vigie.dns.spf.SpfAnalyzer;
import dev.vigie.dns.tlsrpt.TlsRptChecker;
import dev.vigie.dns.tlsrpt.TlsRptResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Runs every posture check on a domain — DMARC, SPF, DKIM, MX, MTA-STS, TLS-RPT, BIMI, DNSSEC —
 * and scores it. All DNS goes through one {@link DnsClient}; HTTPS fetches (MTA-STS policy, BIMI
 * logo) through the fetchers given. Thread-safe when its parts are: one checker serves many
 * domains at once.
 */
public final class DomainChecker {
  private final DmarcChecker dmarc;
  private final SpfAnalyzer spf;
  private final DkimChecker dkim;
  private final MxCheck mx;
  private final MtaStsChecker mtaSts;
  private final TlsRptChecker tlsRpt;
  private final BimiChecker bimi;
  private final DnssecCheck dnssec;
  private final Clock clock;

  public DomainChecker(DnsClient dns, PolicyFetcher policies, LogoFetcher logos, Clock clock) {
    this.dmarc = new DmarcChecker(dns);
    this.spf = new SpfAnalyzer(dns);
    this.dkim = new DkimChecker(dns);
    this.mx = new MxCheck(dns);
    this.mtaSts = new MtaStsChecker(dns, policies);
    this.tlsRpt = new TlsRptChecker(dns);
    this.bimi = new BimiChecker(dns, logos);
    this.dnssec = new DnssecCheck(dns);
    this.clock = clock;
  }

  /** @param selectors DKIM selectors known for the domain (from reports, or given); common ones are tried too */
  public DomainReport check(String domain, Collection<String> selectors) {
    DmarcCheckResult d = dmarc.check(domain);
    SpfAnalysis s = spf.analyze(domain);
    DkimCheckResult k = dkim.check(domain, selectors);
    MxResult m = mx.check(domain);
    MtaStsResult sts = mtaSts.check(domain, m.hostNames());
    TlsRptResult rpt = tlsRpt.check(domain);
    DmarcRecord rec = d.record();
    BimiResult b = bimi.check(domain, rec == null ? new DmarcInputs(null, null, null)
        : new DmarcInputs(rec.effectivePolicy().name(), rec.effectiveSubdomainPolicy().name(),
            rec.percent()));
    DnssecCheck.Result sec = dnssec.check(domain);

    List<TestOutcome> tests = new ArrayList<>();
    tests.add(decided("dmarc.record", REQUIRED, d.temporaryError(), rec != null && !d.hasErrors()));
    tests.add(decided("dmarc.enforced", REQUIRED, d.temporaryError(), rec != null
        && rec.effectivePolicy() != Policy.NONE));
    tests.add(decided("dmarc.reporting", RECOMMENDED, d.temporaryError(), rec != null
        && !rec.aggregateUris().isEmpty()));
    boolean spfTemp = s.has("spf.dns-error");
    tests.add(decided("spf.record", REQUIRED, spfTemp, s.root().record() != null
        && s.findings().stream().noneMatch(f -> f.severity() == Severity.ERROR)));
    boolean dkimTemp = k.selectors().stream().allMatch(x -> x.status().isTemporary())
        && !k.selectors().isEmpty();
    tests.add(decided("dkim.key", REQUIRED, dkimTemp, k.found().stream()
        .anyMatch(x -> x.key() != null && x.key().usableForEmail() && x.findings().stream()
            .noneMatch(f -> f.severity() == Severity.ERROR))));
    boolean mxTemp = m.findings().stream().anyMatch(f -> f.code().equals("mx.temporary-error"));
    tests.add(decided("mx.reachable", REQUIRED, mxTemp, m.nullMx() || (!m.hosts().isEmpty()
        && m.findings().stream().noneMatch(f -> f.severity() == Severity.ERROR))));
    tests.add(decided("mx.reverse-dns", RECOMMENDED, mxTemp || m.hosts().isEmpty(),
        m.hosts().stream().allMatch(h -> h.forwardConfirmed())));
    tests.add(decided("mta-sts", RECOMMENDED, temporary(sts.findings()), sts.policy() != null
        && !sts.hasErrors()));
    tests.add(decided("tls-rpt", RECOMMENDED, temporary(rpt.findings()), rpt.record() != null
        && !rpt.hasErrors()));
    tests.add(decided("dnssec", RECOMMENDED, sec.status() == DnssecStatus.UNKNOWN,
        sec.status() == DnssecStatus.VALIDATED));
    tests.add(decided("bimi", INFORMATIONAL, temporary(b.findings()), b.record() != null
        && !b.hasErrors()));

    List<Finding> findings = new ArrayList<>();
    findings.addAll(d.findings());
    findings.addAll(s.findings());
    findings.addAll(k.allFindings());
    findings.addAll(m.findings());
    findings.addAll(sts.findings());
    findings.addAll(rpt.findings());
    findings.addAll(b.findings());
    findings.addAll(sec.findings());
    return new DomainReport(domain, clock.instant(), Score.of(tests), List.copyOf(tests),
        List.copyOf(findings), d, s, k, m, sts, rpt, b, sec);
  }

  private static boolean temporary(List<Finding> findings) {
    return findings.stream().anyMatch(f -> f.code().endsWith("temporary-error"));
  }

  private static TestOutcome decided(String id, CheckLevel level, boolean temporary, boolean pass) {
    return temporary ? new TestOutcome(id, level, TestOutcome.Status.UNKNOWN)
        : TestOutcome.of(id, level, pass);
  }
}
