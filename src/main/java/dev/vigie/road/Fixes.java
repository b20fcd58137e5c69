package dev.vigie.road;

import dev.vigie.enrich.KnownSender;
import dev.vigie.enrich.SenderCategory;
import dev.vigie.enrich.SourceClass;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What to tell the technician about a group of sources, as {@link Advice} keys:
 *
 * <ul>
 *   <li>{@code road.fix.dkim} [service, domain]: set up DKIM signing with the domain at the
 *       service (a CNAME or TXT at {@code <selector>._domainkey.<domain>}): aligned DKIM survives
 *       forwarding, SPF does not;
 *   <li>{@code road.fix.spf-include} [domain, include]: add {@code include:<include>} to the
 *       domain's SPF record; useful only where the service sends with a MAIL FROM in the domain
 *       (mailbox providers, or a custom return-path), as SPF aligns on that, not on From;
 *   <li>{@code road.fix.custom-return-path} [service, domain]: the service's bounce domain is its
 *       own, so SPF cannot align unless a return-path in the domain is configured;
 *   <li>{@code road.fix.identify-source} [ip]: a source the domain signs for but that no catalogue
 *       entry names: find the service behind it and check its DKIM key;
 *   <li>{@code road.explain.forwarded}: re-sent by a forwarder or list; fixing DNS cannot help,
 *       these fail under any policy (ARC-aware receivers may still deliver them);
 *   <li>{@code road.explain.unknown} [ip count]: nothing ties these to the domain: someone using its
 *       name, or a service nobody declared; an enforced policy stops them;
 *   <li>{@code road.explain.unclassified}: stored before classification ran.
 * </ul>
 */
public final class Fixes {
  private Fixes() {}

  public static List<Advice> forGroup(String domain, @Nullable KnownSender sender,
      ClassSplit byClass, String topIp, int ipCount) {
    List<Advice> out = new ArrayList<>();
    if (byClass.authorisedFailing() > 0) {
      out.addAll(forFailingSender(domain, sender, topIp));
    }
    if (byClass.forwarded() > 0) {
      out.add(Advice.of("road.explain.forwarded"));
    }
    if (byClass.unknownOrImpostor() > 0) {
      out.add(Advice.of("road.explain.unknown", ipCount));
    }
    if (byClass.unclassified() > 0) {
      out.add(Advice.of("road.explain.unclassified"));
    }
    return out;
  }

  /** How to make a legitimate sender pass DMARC. */
  public static List<Advice> forFailingSender(String domain, @Nullable KnownSender sender,
      String topIp) {
    if (sender == null) {
      return List.of(Advice.of("road.fix.identify-source", topIp));
    }
    List<Advice> out = new ArrayList<>();
    Advice dkim = Advice.of("road.fix.dkim", sender.name(), domain);
    // Mailbox providers and gateways send with the customer's own MAIL FROM, so the SPF include
    // aligns; others bounce to their own domain, where only DKIM (or a custom return-path) helps.
    boolean ownEnvelope = sender.category() == SenderCategory.MAILBOX_PROVIDER
        || sender.category() == SenderCategory.SECURITY_GATEWAY;
    if (!ownEnvelope) {
      out.add(dkim);
    }
    if (!sender.spfIncludes().isEmpty()) {
      out.add(Advice.of("road.fix.spf-include", domain, sender.spfIncludes().get(0)));
    }
    if (ownEnvelope) {
      out.add(dkim);
    } else if (!sender.envelopeDomains().isEmpty()) {
      out.add(Advice.of("road.fix.custom-return-path", sender.name(), domain));
    }
    return out;
  }

  static boolean failingClass(@Nullable String c) {
    return SourceClass.AUTHORISED_FAILING.name().equals(c);
  }
}
