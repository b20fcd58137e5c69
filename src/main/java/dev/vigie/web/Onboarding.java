package dev.vigie.web;

import dev.vigie.dns.DnsAnswer;
import dev.vigie.dns.DnsClient;
import dev.vigie.dns.RecordType;
import dev.vigie.dns.psl.PublicSuffixes;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The records a technician publishes when a domain joins Vigie, and their verification in DNS:
 * the domain's DMARC record sending aggregate reports to the MSP's mailbox, and — when that
 * mailbox is in another organisational domain — the RFC 7489 §7.1 external-destination
 * authorisation {@code <domain>._report._dmarc.<msp-domain> TXT "v=DMARC1"} in the MSP's zone.
 */
public final class Onboarding {
  private static final PublicSuffixes PSL = PublicSuffixes.bundled();

  private Onboarding() {}

  /** A DNS record to publish: owner name and TXT value. */
  public record Rec(String name, String value) {}

  /** What to publish for the domain; {@code authorisation} is empty when none is needed. */
  public record Plan(String domain, String reportAddress, Rec dmarc, Optional<Rec> authorisation) {}

  /** Verification outcome. */
  public record Verified(boolean dmarcOk, boolean authorisationOk, String detail) {}

  public static Plan plan(String domain, String reportAddress) {
    String mspDomain = reportAddress.substring(reportAddress.indexOf('@') + 1)
        .toLowerCase(Locale.ROOT);
    Rec dmarc = new Rec("_dmarc." + domain,
        "v=DMARC1; p=none; rua=mailto:" + reportAddress + "; fo=1");
    Optional<String> orgA = PSL.organizationalDomain(domain);
    Optional<String> orgB = PSL.organizationalDomain(mspDomain);
    boolean external = orgA.isEmpty() || orgB.isEmpty() || !orgA.get().equals(orgB.get());
    Optional<Rec> auth = external
        ? Optional.of(new Rec(domain + "._report._dmarc." + mspDomain, "v=DMARC1"))
        : Optional.empty();
    return new Plan(domain, reportAddress, dmarc, auth);
  }

  /** Asks DNS whether both records are in place. */
  public static Verified verify(Plan plan, DnsClient dns) {
    StringBuilder detail = new StringBuilder();
    DnsAnswer a = dns.lookup(plan.dmarc().name(), RecordType.TXT);
    boolean dmarcOk = false;
    for (String r : a.records()) {
      String lower = r.toLowerCase(Locale.ROOT).replace(" ", "");
      if (lower.startsWith("v=dmarc1")
          && lower.contains("mailto:" + plan.reportAddress().toLowerCase(Locale.ROOT))) {
        dmarcOk = true;
      }
    }
    detail.append(plan.dmarc().name()).append(": ").append(describe(a)).append('\n');
    boolean authOk = true;
    if (plan.authorisation().isPresent()) {
      DnsAnswer b = dns.lookup(plan.authorisation().get().name(), RecordType.TXT);
      authOk = b.records().stream()
          .anyMatch(r -> r.toLowerCase(Locale.ROOT).replace(" ", "").startsWith("v=dmarc1"));
      detail.append(plan.authorisation().get().name()).append(": ").append(describe(b));
    }
    return new Verified(dmarcOk, authOk, detail.toString().strip());
  }

  private static String describe(DnsAnswer a) {
    return a.records().isEmpty() ? a.status().name() : String.join(" | ", a.records());
  }

  /** The report address: the tenant's own, else the server's default, else none. */
  public static @Nullable String reportAddress(@Nullable String tenantAddress,
      @Nullable String serverDefault) {
    return tenantAddress != null && !tenantAddress.isBlank() ? tenantAddress : serverDefault;
  }
}
