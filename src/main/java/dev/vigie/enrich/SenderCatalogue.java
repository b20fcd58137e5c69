package dev.vigie.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The known sending services (Microsoft 365, Mailchimp, SendGrid…), so that a source reads as
 * "Mailchimp" rather than "198.2.x.x". The list ships as {@code senders.json} next to this class.
 *
 * <p>Each domain pattern (PTR suffix, DKIM {@code d=}, MAIL FROM, SPF include) and each ASN
 * belongs to one sender only, checked at load, so that identification never depends on file
 * order. When the signals of a source point to several senders (an Intercom message sent through
 * Amazon SES: PTR and {@code d=amazonses.com} say SES, the bounce domain says Intercom), the
 * service named by its own signature or bounce domain wins over bulk infrastructure
 * ({@link SenderCategory#TRANSACTIONAL}), because that is where the customer fixes things; then
 * the stronger evidence (DKIM 3, envelope 3, PTR 2, ASN 1) wins.
 */
public final class SenderCatalogue {
  static final String BUNDLED = "senders.json";

  private static final class Bundled {
    static final SenderCatalogue INSTANCE = loadBundled();
  }

  private final List<KnownSender> senders;
  private final Map<String, KnownSender> byId = new HashMap<>();
  private final Map<KnownSender, Integer> order = new HashMap<>();
  private final DomainPatterns ptr = new DomainPatterns();
  private final DomainPatterns dkim = new DomainPatterns();
  private final DomainPatterns envelope = new DomainPatterns();
  private final DomainPatterns spf = new DomainPatterns();
  private final Map<Long, KnownSender> byAsn = new HashMap<>();

  private SenderCatalogue(List<KnownSender> senders, String origin) throws InvalidCatalogueException {
    this.senders = List.copyOf(senders);
    for (KnownSender s : this.senders) {
      byId.put(s.id(), s);
      order.put(s, order.size());
      index(ptr, "ptr", s.reverseDnsSuffixes(), s, origin);
      index(dkim, "dkim", s.dkimDomains(), s, origin);
      index(envelope, "envelope", s.envelopeDomains(), s, origin);
      index(spf, "spf", s.spfIncludes(), s, origin);
      for (Long asn : s.asns()) {
        KnownSender other = byAsn.putIfAbsent(asn, s);
        if (other != null) {
          throw clash(origin, "asn", String.valueOf(asn), other, s);
        }
      }
    }
  }

  private static void index(DomainPatterns into, String kind, List<String> patterns,
      KnownSender s, String origin) throws InvalidCatalogueException {
    for (String p : patterns) {
      KnownSender other = into.add(p, s);
      if (other != null && other != s) {
        throw clash(origin, kind, p, other, s);
      }
    }
  }

  private static InvalidCatalogueException clash(String origin, String kind, String value,
      KnownSender a, KnownSender b) {
    return new InvalidCatalogueException(origin + ": " + kind + " \"" + value
        + "\" belongs to both \"" + a.id() + "\" and \"" + b.id() + "\"");
  }

  /** The catalogue shipped with Vigie. */
  public static SenderCatalogue bundled() {
    return Bundled.INSTANCE;
  }

  private static SenderCatalogue loadBundled() {
    try (InputStream in = SenderCatalogue.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("resource dev/vigie/enrich/" + BUNDLED + " is missing");
      }
      return load(in, BUNDLED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A catalogue in the {@code senders.json} format; {@code origin} names it in errors. */
  public static SenderCatalogue load(InputStream in, String origin) throws IOException {
    return new SenderCatalogue(CatalogueLoader.read(in, origin), origin);
  }

  public List<KnownSender> senders() {
    return senders;
  }

  public int size() {
    return senders.size();
  }

  public Optional<KnownSender> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The sender a domain's {@code include:} authorises, e.g. {@code _spf.google.com} → Google. */
  public Optional<KnownSender> bySpfInclude(String includeDomain) {
    DomainPatterns.Hit hit = spf.match(includeDomain);
    return hit == null ? Optional.empty() : Optional.of(hit.sender());
  }

  /** The best candidate, weak (ASN-only) ones included; see {@link SenderMatch#strong()}. */
  public Optional<SenderMatch> identify(SenderSignals signals) {
    List<SenderMatch> all = candidates(signals);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /** Every sender the signals point to, best first (see the class comment for the order). */
  public List<SenderMatch> candidates(SenderSignals signals) {
    Map<KnownSender, List<Evidence>> found = new LinkedHashMap<>();
    collect(found, ptr, signals.reverseDns(), Evidence.Kind.REVERSE_DNS);
    for (String d : signals.dkimDomains()) {
      collect(found, dkim, d, Evidence.Kind.DKIM_DOMAIN);
    }
    collect(found, envelope, signals.envelopeDomain(), Evidence.Kind.ENVELOPE_DOMAIN);
    Long asn = signals.asn();
    if (asn != null && byAsn.containsKey(asn)) {
      found.computeIfAbsent(byAsn.get(asn), k -> new ArrayList<>())
          .add(new Evidence(Evidence.Kind.ASN, String.valueOf(asn), String.valueOf(asn)));
    }
    List<SenderMatch> out = new ArrayList<>();
    found.forEach((s, ev) -> out.add(new SenderMatch(s, ev)));
    out.sort(Comparator.comparing((Function<SenderMatch, Boolean>) m -> !m.brand())
        .thenComparing(m -> -m.score())
        .thenComparing(m -> order.get(m.sender())));
    return out;
  }

  private static void collect(Map<KnownSender, List<Evidence>> found, DomainPatterns patterns,
      @Nullable String name, Evidence.Kind kind) {
    DomainPatterns.Hit hit = patterns.match(name);
    if (hit != null && name != null) {
      List<Evidence> ev = found.computeIfAbsent(hit.sender(), k -> new ArrayList<>());
      String observed = DomainPatterns.normalize(name);
      if (ev.stream().noneMatch(e -> e.kind() == kind && e.observed().equals(observed))) {
        ev.add(new Evidence(kind, observed, hit.pattern()));
      }
    }
  }
}
