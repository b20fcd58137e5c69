package dev.vigie.check.history;

import dev.vigie.check.DomainReport;
import dev.vigie.check.Finding;
import dev.vigie.dns.dkim.SelectorResult;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What one check found, reduced to the facts whose change matters, in a shape that is kept as a
 * JSON line per check.
 *
 * @param dkimKeys selector → "rsa 2048", "ed25519 256", or "revoked"
 */
public record CheckSnapshot(
    String domain,
    Instant checkedAt,
    int score,
    @Nullable String dmarcRecord,
    @Nullable String dmarcPolicy,
    @Nullable String spfRecord,
    int spfLookups,
    Map<String, String> dkimKeys,
    List<String> mxHosts,
    @Nullable String mtaStsMode,
    @Nullable String tlsRptRecord,
    @Nullable String bimiRecord,
    String dnssec,
    List<String> errorCodes) {

  public static CheckSnapshot of(DomainReport r) {
    Map<String, String> keys = new TreeMap<>();
    for (SelectorResult s : r.dkim().found()) {
      if (s.key() == null) {
        continue;
      }
      keys.put(s.selector(), s.key().revoked() ? "revoked"
          : (s.key().keyType() == null ? s.key().keyTypeTag()
              : s.key().keyType().name().toLowerCase(Locale.ROOT)) + " " + s.key().keyBits());
    }
    return new CheckSnapshot(r.domain(), r.checkedAt(), r.score(), r.dmarc().recordText(),
        r.dmarc().record() == null ? null
            : r.dmarc().record().effectivePolicy().name().toLowerCase(Locale.ROOT),
        r.spf().root().record(), r.spf().totalLookups(), keys, r.mx().hostNames(),
        r.mtaSts().policy() == null ? null
            : r.mtaSts().policy().mode().name().toLowerCase(Locale.ROOT),
        r.tlsRpt().recordText(), r.bimi().recordText(),
        r.dnssec().status().name().toLowerCase(Locale.ROOT),
        r.findings().stream().filter(f -> f.severity() == dev.vigie.check.Severity.ERROR)
            .map(Finding::code).distinct().sorted().toList());
  }
}
