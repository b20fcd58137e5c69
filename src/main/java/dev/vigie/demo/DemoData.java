package dev.vigie.demo;

import dev.vigie.demo.AggregateXml.Header;
import dev.vigie.demo.AggregateXml.Row;
import dev.vigie.ingest.Source;
import dev.vigie.report.ParseLimits;
import dev.vigie.report.extract.ReportExtractor;
import dev.vigie.road.Insights;
import dev.vigie.store.DirectorySql;
import dev.vigie.store.Ingestor;
import dev.vigie.store.Store;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A demo MSP: five client organisations, seven domains at every stage of the road to p=reject,
 * and {@link #DAYS} days of aggregate reports from Google, Microsoft and Yahoo (plus a few failure
 * and SMTP TLS reports), generated from a fixed seed and loaded as real report bytes through
 * {@link Ingestor}, exactly as received reports are.
 *
 * <table>
 *   <caption>The demo domains</caption>
 *   <tr><th>client</th><th>domain</th><th>what it shows</th></tr>
 *   <tr><td>Boulangerie Martin</td><td>boulangerie-martin.fr</td><td>p=none, blocked: SendGrid
 *       order confirmations fail DMARC (no DKIM for the domain)</td></tr>
 *   <tr><td>Cabinet Durand Avocats</td><td>durand-avocats.fr</td><td>p=quarantine for 60 days,
 *       clean: ready for reject</td></tr>
 *   <tr><td></td><td>durand-avocats.com</td><td>parked at p=reject: only impostors</td></tr>
 *   <tr><td>Clinique Dentaire Sourire</td><td>sourire-dentaire.fr</td><td>p=reject: Microsoft 365
 *       and Doctolib pass, spoofing rejected; TLS reports</td></tr>
 *   <tr><td>Leroy Mécanique</td><td>leroy-meca.fr</td><td>p=none, clean senders but two spoofing
 *       campaigns from unknown IPs (and failure reports): enforce now</td></tr>
 *   <tr><td></td><td>leroy-industrie.com</td><td>no DMARC record, no reports</td></tr>
 *   <tr><td>Les Amis du Parc</td><td>amis-du-parc.org</td><td>p=none, newsletter failing; reports
 *       stopped arriving 6 days ago</td></tr>
 * </table>
 */
public final class DemoData {
  /** Days of reports, ending yesterday. */
  public static final int DAYS = 90;
  public static final long SEED = 20260301L;
  /** The demo MSP's aggregate report address (rua) and its domain. */
  public static final String REPORT_ADDRESS = "dmarc@reports.vigie-demo.example";

  private static final String RUA = "mailto:" + REPORT_ADDRESS;

  private DemoData() {}

  /** What was loaded. */
  public record Loaded(int clients, int domains, int aggregateReports, int failureReports,
      int tlsReports, long messages) {}

  /** One stream of mail: a sender, its daily volume, and which days it sends. */
  private record Stream(DemoSender sender, int daily, Cadence cadence) {}

  private enum Cadence { DAILY, WEEKDAYS, TUESDAYS, FIRST_OF_MONTH }

  /** A spoofing campaign: {@code perDay} impostor messages from {@code from} to {@code to} days ago. */
  private record Campaign(int fromDaysAgo, int toDaysAgo, int perDay) {}

  private record DemoDomain(String client, String domain, String policy,
      int quarantineSinceDaysAgo, int lastReportDaysAgo, List<Stream> streams,
      List<Campaign> campaigns) {}

  private static final List<DemoDomain> DOMAINS = List.of(
      new DemoDomain("Boulangerie Martin", "boulangerie-martin.fr", "none", -1, 1, List.of(
          new Stream(DemoSender.GOOGLE_WORKSPACE, 120, Cadence.WEEKDAYS),
          new Stream(DemoSender.SENDGRID_UNSIGNED, 35, Cadence.DAILY),
          new Stream(DemoSender.MAILCHIMP_SIGNED, 600, Cadence.TUESDAYS),
          new Stream(DemoSender.GOOGLE_GROUPS_FORWARD, 3, Cadence.WEEKDAYS),
          new Stream(DemoSender.IMPOSTOR, 2, Cadence.DAILY)), List.of()),
      new DemoDomain("Cabinet Durand Avocats", "durand-avocats.fr", "none", 60, 1, List.of(
          new Stream(DemoSender.MICROSOFT_365, 200, Cadence.WEEKDAYS),
          new Stream(DemoSender.GOOGLE_GROUPS_FORWARD, 2, Cadence.WEEKDAYS),
          new Stream(DemoSender.IMPOSTOR, 6, Cadence.DAILY)), List.of()),
      new DemoDomain("Cabinet Durand Avocats", "durand-avocats.com", "reject", -1, 1, List.of(
          new Stream(DemoSender.IMPOSTOR, 4, Cadence.DAILY)), List.of()),
      new DemoDomain("Clinique Dentaire Sourire", "sourire-dentaire.fr", "reject", -1, 1, List.of(
          new Stream(DemoSender.MICROSOFT_365, 80, Cadence.WEEKDAYS),
          new Stream(DemoSender.DOCTOLIB_SIGNED, 60, Cadence.DAILY),
          new Stream(DemoSender.IMPOSTOR, 3, Cadence.DAILY)), List.of()),
      new DemoDomain("Leroy Mécanique", "leroy-meca.fr", "none", -1, 1, List.of(
          new Stream(DemoSender.GOOGLE_WORKSPACE, 90, Cadence.WEEKDAYS),
          new Stream(DemoSender.XERO_SIGNED, 15, Cadence.WEEKDAYS),
          new Stream(DemoSender.IMPOSTOR, 5, Cadence.DAILY)),
          List.of(new Campaign(30, 27, 400), new Campaign(10, 8, 900))),
      new DemoDomain("Les Amis du Parc", "amis-du-parc.org", "none", -1, 6, List.of(
          new Stream(DemoSender.GOOGLE_WORKSPACE, 30, Cadence.WEEKDAYS),
          new Stream(DemoSender.MAILCHIMP_UNSIGNED, 300, Cadence.FIRST_OF_MONTH),
          new Stream(DemoSender.IMPOSTOR, 1, Cadence.DAILY)), List.of()));

  /** Domains owned by a client but absent from {@link #DOMAINS}: no record, no reports. */
  private static final Map<String, String> SILENT = Map.of("leroy-industrie.com", "Leroy Mécanique");

  /** Receivers that send reports, and their share of each domain's mail. */
  private record Reporter(String org, String email, double share) {}

  private static final List<Reporter> REPORTERS = List.of(
      new Reporter("google.com", "noreply-dmarc-support@google.com", 0.55),
      new Reporter("Enterprise Outlook", "dmarcreport@microsoft.com", 0.35),
      new Reporter("Yahoo", "dmarchelp@yahooinc.com", 0.10));

  /**
   * The DMARC records the demo domains publish, as {@code vigie check} would have found them;
   * give them to {@link Insights} through {@link #publishedRecords()}.
   */
  public static Map<String, String> dnsRecords() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("boulangerie-martin.fr", "v=DMARC1; p=none; rua=" + RUA);
    m.put("durand-avocats.fr", "v=DMARC1; p=quarantine; rua=" + RUA
        + "; ruf=mailto:dmarc-ruf@reports.vigie-demo.example; fo=1");
    m.put("durand-avocats.com", "v=DMARC1; p=reject; sp=reject; rua=" + RUA);
    m.put("sourire-dentaire.fr", "v=DMARC1; p=reject; sp=reject; adkim=s; rua=" + RUA);
    m.put("leroy-meca.fr", "v=DMARC1; p=none; rua=" + RUA);
    m.put("amis-du-parc.org", "v=DMARC1; p=none; rua=" + RUA);
    return m;
  }

  public static Insights.PublishedRecords publishedRecords() {
    Map<String, String> m = dnsRecords();
    return d -> Optional.ofNullable(m.get(d));
  }

  /** Creates the clients and domains and ingests the generated reports; "today" is the clock's. */
  public static Loaded load(Store store, Clock clock) {
    Map<String, List<String>> clients = new LinkedHashMap<>();
    for (DemoDomain d : DOMAINS) {
      clients.computeIfAbsent(d.client(), k -> new ArrayList<>()).add(d.domain());
    }
    SILENT.forEach((domain, client) -> clients.get(client).add(domain));
    clients.forEach((name, domains) -> DirectorySql.addClient(store, name, domains));

    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    Random random = new Random(SEED);
    List<Ingestor.Item> items = new ArrayList<>();
    int aggregates = 0;
    long messages = 0;
    for (DemoDomain d : DOMAINS) {
      for (int ago = DAYS; ago >= d.lastReportDaysAgo(); ago--) {
        LocalDate day = today.minusDays(ago);
        String policy = d.quarantineSinceDaysAgo() >= ago ? "quarantine" : d.policy();
        List<List<Row>> perReporter = new ArrayList<>();
        REPORTERS.forEach(r -> perReporter.add(new ArrayList<>()));
        for (Stream s : d.streams()) {
          int volume = volume(s, day, random);
          if (s.sender() == DemoSender.IMPOSTOR) {
            for (Campaign c : d.campaigns()) {
              if (ago <= c.fromDaysAgo() && ago >= c.toDaysAgo()) {
                volume += c.perDay() + random.nextInt(c.perDay() / 4 + 1);
              }
            }
          }
          spread(d.domain(), s.sender(), volume, policy, random, perReporter);
        }
        for (int r = 0; r < REPORTERS.size(); r++) {
          List<Row> rows = perReporter.get(r);
          if (rows.isEmpty()) {
            continue;
          }
          Reporter rep = REPORTERS.get(r);
          Instant begin = day.atStartOfDay().toInstant(ZoneOffset.UTC);
          Instant end = begin.plusSeconds(86_399);
          String id = Long.toUnsignedString(random.nextLong());
          Header h = new Header(rep.org(), rep.email(), id, begin, end, d.domain(), policy,
              null, null);
          items.add(new Ingestor.Item(AggregateXml.gzip(h, rows), new Source(Source.Kind.FILE,
              rep.org() + "!" + d.domain() + "!" + begin.getEpochSecond() + "!"
                  + end.getEpochSecond() + ".xml.gz", end.plusSeconds(3_600))));
          aggregates++;
          messages += rows.stream().mapToLong(Row::count).sum();
        }
      }
    }
    List<Ingestor.Item> failures = DemoOtherReports.failureReports(today, random);
    List<Ingestor.Item> tls = DemoOtherReports.tlsReports(today, random);
    items.addAll(failures);
    items.addAll(tls);
    Ingestor in = new Ingestor(store, new ReportExtractor(ParseLimits.defaults()), clock);
    for (int i = 0; i < items.size(); i += 500) {
      in.ingestBatch(items.subList(i, Math.min(items.size(), i + 500)));
    }
    return new Loaded(clients.size(), DOMAINS.size() + SILENT.size(), aggregates, failures.size(),
        tls.size(), messages);
  }

  private static int volume(Stream s, LocalDate day, Random random) {
    boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY
        || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    double base = switch (s.cadence()) {
      case DAILY -> s.daily();
      case WEEKDAYS -> weekend ? s.daily() * 0.15 : s.daily();
      case TUESDAYS -> day.getDayOfWeek() == DayOfWeek.TUESDAY ? s.daily() : 0;
      case FIRST_OF_MONTH -> day.getDayOfMonth() == 1 ? s.daily() : 0;
    };
    if (base == 0) {
      return 0;
    }
    // ±20 % day to day, never below zero
    return (int) Math.max(0, Math.round(base * (0.8 + 0.4 * random.nextDouble())));
  }

  /** Splits one stream's day among the reporters and the sender's IPs. */
  private static void spread(String domain, DemoSender sender, int volume, String policy,
      Random random, List<List<Row>> perReporter) {
    int left = volume;
    for (int r = 0; r < REPORTERS.size() && left > 0; r++) {
      int n = r == REPORTERS.size() - 1 ? left
          : (int) Math.min(left, Math.round(volume * REPORTERS.get(r).share()));
      left -= n;
      if (n == 0) {
        continue;
      }
      List<String> ips = sender.ips();
      // most mail from the first two IPs, the rest from one other
      int a = (int) Math.round(n * 0.6);
      int b = n - a;
      addRow(perReporter.get(r), sender, domain, ips.get(random.nextInt(Math.min(2, ips.size()))),
          a, policy);
      addRow(perReporter.get(r), sender, domain, ips.get(random.nextInt(ips.size())), b, policy);
    }
  }

  private static void addRow(List<Row> rows, DemoSender sender, String domain, String ip, int n,
      String policy) {
    if (n > 0) {
      rows.add(sender.row(domain, ip, n, policy));
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
