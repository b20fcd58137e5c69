package dev.vigie.web;

import dev.vigie.dns.DnsAnswer;
import dev.vigie.dns.DnsClient;
import dev.vigie.dns.RecordType;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Onboarding a domain: the records to publish (the domain's DMARC record sending aggregate reports
 * to the MSP's mailbox and, when that mailbox is in another organisational domain, the RFC 7489
 * §7.1 authorisation {@code <domain>._report._dmarc.<msp-domain> TXT "v=DMARC1"}, both written by
 * dev.vigie.road) and their verification in DNS.
 */
public final class Onboarding {
  private Onboarding() {}

  /** Verification outcome. */
  public record Verified(boolean dmarcOk, boolean authorisationOk, String detail) {}

  /**
   * The records to publish (written by {@link dev.vigie.road.Insights#onboarding}, which keeps
   * what the domain's current record already says), from the record found in DNS today.
   */
  public static dev.vigie.road.Onboarding plan(WebApp app, long tenant, String domain,
      String reportAddress) {
    return app.insights(tenant).onboarding(domain, current(app.dns(), domain), reportAddress);
  }

  static @Nullable String current(@Nullable DnsClient dns, String domain) {
    if (dns == null) {
      return null;
    }
    return dns.lookup("_dmarc." + domain, RecordType.TXT).records().stream()
        .filter(r -> r.toLowerCase(Locale.ROOT).startsWith("v=dmarc1")).findFirst().orElse(null);
  }

  /** Asks DNS whether both records are in place. */
  public static Verified verify(dev.vigie.road.Onboarding plan, String reportAddress,
      DnsClient dns) {
    StringBuilder detail = new StringBuilder();
    DnsAnswer a = dns.lookup(plan.dmarc().name(), RecordType.TXT);
    boolean dmarcOk = false;
    for (String r : a.records()) {
      String lower = r.toLowerCase(Locale.ROOT).replace(" ", "");
      if (lower.startsWith("v=dmarc1")
          && lower.contains("mailto:" + reportAddress.toLowerCase(Locale.ROOT))) {
        dmarcOk = true;
      }
    }
    detail.append(plan.dmarc().name()).append(": ").append(describe(a)).append('\n');
    boolean authOk = true;
    if (plan.authorisation() != null) {
      DnsAnswer b = dns.lookup(plan.authorisation().name(), RecordType.TXT);
      authOk = b.records().stream()
          .anyMatch(r -> r.toLowerCase(Locale.ROOT).replace(" ", "").startsWith("v=dmarc1"));
      detail.append(plan.authorisation().name()).append(": ").append(describe(b));
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
