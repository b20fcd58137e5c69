package dev.vigie.road;

import dev.vigie.dns.dmarc.Policy;
import dev.vigie.dns.psl.OrganizationalDomains;
import dev.vigie.dns.psl.PublicSuffixes;
import dev.vigie.enrich.SenderCatalogue;
import dev.vigie.store.DashboardSql;
import dev.vigie.store.ReadPool;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The facade the web app, the API and the client reports call: each method reads what it needs
 * through {@link DashboardSql} (the rollups, the report headers; records only in the {@link
 * #unidentifiedSources} drill-down) and returns records of numbers and message keys.
 *
 * <p>Every method takes the tenant; a domain or client of another tenant is simply not found
 * ({@link Optional#empty()}), never an error that tells it exists. Thread-safe: reads go through
 * the {@link ReadPool}.
 */
public final class Insights {
  /** The DMARC record a domain publishes, when known (from {@code vigie check} or live DNS). */
  @FunctionalInterface
  public interface PublishedRecords {
    Optional<String> dmarcRecord(String domain);

    static PublishedRecords none() {
      return d -> Optional.empty();
    }
  }

  private final ReadPool pool;
  private final SenderCatalogue catalogue;
  private final OrganizationalDomains orgs;
  private final Clock clock;
  private final RoadRules rules;
  private final PublishedRecords dns;
  private final @Nullable String reportAddress;
  private final ResultCache cache;

  /**
   * Report headers older than this are not read by the overview and client pages: a domain whose
   * last report is older shows as having none. Keeps those pages off the bulk of the table.
   */
  static final int HISTORY_DAYS = 400;

  /**
   * @param dns the records known in DNS; a domain without one is judged on its reports' policy
   * @param reportAddress the MSP's aggregate report address (for records Vigie writes from
   *     scratch); null when not configured
   */
  public Insights(ReadPool pool, SenderCatalogue catalogue, OrganizationalDomains orgs,
      Clock clock, RoadRules rules, PublishedRecords dns, @Nullable String reportAddress) {
    this(pool, catalogue, orgs, clock, rules, dns, reportAddress, Duration.ZERO);
  }

  private Insights(ReadPool pool, SenderCatalogue catalogue, OrganizationalDomains orgs,
      Clock clock, RoadRules rules, PublishedRecords dns, @Nullable String reportAddress,
      Duration ttl) {
    this.cache = new ResultCache(ttl, clock);
    this.pool = pool;
    this.catalogue = catalogue;
    this.orgs = orgs;
    this.clock = clock;
    this.rules = rules;
    this.dns = dns;
    this.reportAddress = reportAddress;
  }

  /** The bundled catalogue and PSL, default rules, no DNS knowledge, no report address. */
  public static Insights of(ReadPool pool, Clock clock) {
    return new Insights(pool, SenderCatalogue.bundled(), PublicSuffixes.bundled(), clock,
        RoadRules.defaults(), PublishedRecords.none(), null);
  }

  /**
   * The same facade keeping each answer for {@code ttl} (one computation at a time per question);
   * see {@link ResultCache}. The web app uses this; call {@link #invalidate()} after storing new
   * reports.
   */
  public Insights cached(Duration ttl) {
    return new Insights(pool, catalogue, orgs, clock, rules, dns, reportAddress, ttl);
  }

  /** Forgets cached answers (after an ingest, an upload, a DNS check). */
  public void invalidate() {
    cache.clear();
  }

  public RoadRules rules() {
    return rules;
  }

  /** The readiness window: the last {@link RoadRules#windowDays()} days, today included. */
  public Period window() {
    return Period.lastDays(rules.windowDays(), clock);
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  /** The MSP overview: every client, its domains by stage, the last window, silent reporters. */
  public MspOverview overview(long tenant) {
    Period w = window();
    return cache.get(List.of("overview", tenant, w), () -> pool.read(c -> {
      List<DashboardSql.ClientRow> clients = DashboardSql.clients(c, tenant);
      List<DashboardSql.DomainRow> domains = DashboardSql.domains(c, tenant, null);
      Map<String, DashboardSql.ReportFacts> facts = facts(c, tenant, null, w, domains);
      Map<String, DashboardSql.DomainTotals> totals =
          DashboardSql.domainTotals(c, tenant, null, w.from(), w.to());
      List<ClientSummary> summaries = new ArrayList<>();
      List<Stage> allStages = new ArrayList<>();
      long messages = 0;
      long pass = 0;
      long failing = 0;
      for (DashboardSql.ClientRow client : clients) {
        List<DomainSummary> ds = domains.stream().filter(d -> d.clientId() == client.clientId())
            .map(d -> summary(d, facts.get(d.domain()), totals.get(d.domain()))).toList();
        ClientSummary s = clientSummary(client, ds);
        summaries.add(s);
        ds.forEach(d -> allStages.add(d.stage()));
        messages += s.messages();
        pass += s.pass();
        failing += s.failingLegit();
      }
      List<ClientSummary> stopped = summaries.stream().filter(ClientSummary::reportsStopped)
          .sorted(Comparator.comparing(ClientSummary::lastReport,
              Comparator.nullsFirst(Comparator.naturalOrder())))
          .toList();
      return new MspOverview(w, StageCounts.of(allStages), messages, pass,
          Compliance.percent(pass, messages), failing, summaries, stopped);
    }));
  }

  /** A client's page over {@code period}; empty when the tenant has no such client. */
  public Optional<ClientView> client(long tenant, long clientId, Period period) {
    Period w = window();
    return cache.get(List.of("client", tenant, clientId, period, w), () -> pool.read(c -> {
      Optional<DashboardSql.ClientRow> client = DashboardSql.clients(c, tenant).stream()
          .filter(x -> x.clientId() == clientId).findFirst();
      if (client.isEmpty()) {
        return Optional.empty();
      }
      List<DashboardSql.DomainRow> domains = DashboardSql.domains(c, tenant, clientId);
      Map<String, DashboardSql.ReportFacts> facts = facts(c, tenant, clientId, w, domains);
      Map<String, DashboardSql.DomainTotals> totals =
          DashboardSql.domainTotals(c, tenant, clientId, w.from(), w.to());
      List<DomainSummary> ds = domains.stream()
          .map(d -> summary(d, facts.get(d.domain()), totals.get(d.domain()))).toList();
      Compliance compliance = Compliance.of(period,
          DashboardSql.daily(c, tenant, clientId, null, period.from(), period.to()));
      return Optional.of(new ClientView(clientId, client.get().name(), period, compliance,
          StageCounts.of(ds.stream().map(DomainSummary::stage).toList()), ds));
    }));
  }

  /** A domain's page over {@code period}; empty when no client of the tenant owns it. */
  public Optional<DomainView> domain(long tenant, String domain, Period period) {
    String d = normalize(domain);
    Period w = window();
    return cache.get(List.of("domain", tenant, d, period, w), () -> pool.read(c -> {
      Optional<DashboardSql.DomainRow> row = DashboardSql.domain(c, tenant, d);
      if (row.isEmpty()) {
        return Optional.<DomainView>empty();
      }
      // Recent reports first (a small part of the table); the whole history only when none.
      DashboardSql.ReportFacts recent = DashboardSql.reportFacts(c, pool.engine(), tenant, null,
          d, w.from()).get(d);
      DashboardSql.ReportFacts facts = recent;
      if (facts == null) {
        facts = DashboardSql.reportFacts(c, pool.engine(), tenant, null, d, null).get(d);
      }
      List<DailyRow> daily = DashboardSql.daily(c, tenant, null, d,
          min(period.from(), w.from()), max(period.to(), w.to()));
      List<SourceRow> sources = DashboardSql.sources(c, tenant, d, period.from(), period.to());
      List<ServiceGroup> services = SourceGrouping.group(d, sources, catalogue, Map.of());
      List<SourceRow> windowSources = period.equals(w) ? sources
          : DashboardSql.sources(c, tenant, d, w.from(), w.to());
      Road road = RoadPlanner.plan(d, policy(d, facts), Compliance.of(w, daily), windowSources,
          catalogue, rules, reportAddress);
      DashboardSql.OtherReports other =
          DashboardSql.otherReports(c, tenant, d, period.from(), period.to());
      LocalDate last = facts == null ? null : facts.lastEnd().toLocalDate();
      return Optional.of(new DomainView(d, row.get().clientId(), row.get().clientName(), period,
          Compliance.of(period, daily), services, road, last, stopped(last),
          recent == null ? 0 : recent.reports(), other.failureReports(), other.tlsReports(),
          other.tlsSuccess(), other.tlsFailure()));
    }));
  }

  /** The road to p=reject of a domain, judged on the readiness window. */
  public Optional<Road> road(long tenant, String domain) {
    return domain(tenant, domain, window()).map(DomainView::road);
  }

  /** The record to publish next (once the road's verdict is READY); empty at p=reject. */
  public Optional<NextRecord> nextRecord(long tenant, String domain) {
    return road(tenant, domain).map(Road::next);
  }

  /**
   * Had the domain been at {@code policy} (quarantine or reject) over the last {@code days} days:
   * what would have been affected. Empty when no client of the tenant owns the domain.
   */
  public Optional<Simulation> simulate(long tenant, String domain, Policy policy, int days) {
    String d = normalize(domain);
    Period p = Period.lastDays(days, clock);
    return pool.read(c -> {
      if (DashboardSql.domain(c, tenant, d).isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(Simulator.simulate(d, policy, p,
          DashboardSql.sources(c, tenant, d, p.from(), p.to()), catalogue, Map.of()));
    });
  }

  /**
   * A drill-down: the domain's sources over the period with those no catalogue entry matched
   * grouped by the organisational domain of their reverse DNS name (reads the records of this
   * domain and period). Only the unidentified groups are returned.
   */
  public Optional<List<ServiceGroup>> unidentifiedSources(long tenant, String domain,
      Period period) {
    String d = normalize(domain);
    return pool.read(c -> {
      if (DashboardSql.domain(c, tenant, d).isEmpty()) {
        return Optional.empty();
      }
      List<SourceRow> rows = DashboardSql.sources(c, tenant, d, period.from(), period.to())
          .stream().filter(r -> r.senderId() == null).toList();
      Map<String, String> bases =
          DashboardSql.reverseDnsBases(c, tenant, d, period.from(), period.to(), orgs);
      return Optional.of(SourceGrouping.group(d, rows, catalogue, bases));
    });
  }

  /**
   * The onboarding records for a domain: its DMARC record with the MSP's report address, and the
   * external-destination authorisation the MSP publishes. {@code currentRecord} is what the domain
   * publishes today (null when it has none).
   */
  public Onboarding onboarding(String domain, @Nullable String currentRecord,
      String mspReportAddress) {
    return DmarcRecords.onboarding(domain, currentRecord, mspReportAddress, orgs);
  }

  /**
   * Report facts of the listed domains: those with reports in the window from a scan of the
   * window only (reports are stored roughly in time order, so this skips most of the table), the
   * silent others by name from the last {@link #HISTORY_DAYS} days.
   */
  private Map<String, DashboardSql.ReportFacts> facts(java.sql.Connection c, long tenant,
      @Nullable Long clientId, Period w, List<DashboardSql.DomainRow> domains)
      throws java.sql.SQLException {
    Map<String, DashboardSql.ReportFacts> facts = new java.util.HashMap<>(
        DashboardSql.reportFactsFor(c, pool.engine(), tenant, clientId, null, w.from()));
    List<String> missing = domains.stream().map(DashboardSql.DomainRow::domain)
        .filter(d -> !facts.containsKey(d)).toList();
    if (!missing.isEmpty()) {
      DashboardSql.reportFactsFor(c, pool.engine(), tenant, clientId,
          missing.size() <= 1000 ? missing : null, today().minusDays(HISTORY_DAYS))
          .forEach(facts::putIfAbsent);
    }
    return facts;
  }

  private PublishedPolicy policy(String domain, DashboardSql.@Nullable ReportFacts facts) {
    Optional<String> published = dns.dmarcRecord(domain);
    if (published.isPresent()) {
      PublishedPolicy p = PublishedPolicy.fromDns(published.get());
      if (p.source() == PublishedPolicy.Source.DNS) {
        return p;
      }
    }
    return facts == null ? PublishedPolicy.unknown()
        : PublishedPolicy.fromReport(facts.policyP(), facts.policySp());
  }

  private DomainSummary summary(DashboardSql.DomainRow d,
      DashboardSql.@Nullable ReportFacts facts, DashboardSql.@Nullable DomainTotals totals) {
    PublishedPolicy p = policy(d.domain(), facts);
    LocalDate last = facts == null ? null : facts.lastEnd().toLocalDate();
    long messages = totals == null ? 0 : totals.messages();
    long pass = totals == null ? 0 : totals.pass();
    return new DomainSummary(d.domain(), d.clientId(), p.stage(), p.partial(), messages, pass,
        Compliance.percent(pass, messages), totals == null ? 0 : totals.failingLegit(), last,
        stopped(last));
  }

  private static ClientSummary clientSummary(DashboardSql.ClientRow client,
      List<DomainSummary> ds) {
    long messages = ds.stream().mapToLong(DomainSummary::messages).sum();
    long pass = ds.stream().mapToLong(DomainSummary::pass).sum();
    LocalDate last = ds.stream().map(DomainSummary::lastReport).filter(x -> x != null)
        .max(Comparator.naturalOrder()).orElse(null);
    List<String> stopped = ds.stream().filter(DomainSummary::reportsStopped)
        .map(DomainSummary::domain).toList();
    return new ClientSummary(client.clientId(), client.name(), ds.size(),
        StageCounts.of(ds.stream().map(DomainSummary::stage).toList()), messages, pass,
        Compliance.percent(pass, messages),
        ds.stream().mapToLong(DomainSummary::failingLegit).sum(), last, !stopped.isEmpty(),
        stopped);
  }

  /** Reports arrived before, but the latest covers a day more than staleDays ago. */
  private boolean stopped(@Nullable LocalDate lastReport) {
    return lastReport != null
        && ChronoUnit.DAYS.between(lastReport, today()) > rules.staleDays();
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static String normalize(String domain) {
    String d = domain.strip().toLowerCase(Locale.ROOT);
    return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
  }
}
