package dev.vigie.road;

import dev.vigie.demo.AggregateXml;
import dev.vigie.demo.AggregateXml.Auth;
import dev.vigie.demo.AggregateXml.Header;
import dev.vigie.demo.AggregateXml.Row;
import dev.vigie.ingest.Source;
import dev.vigie.store.Ingestor;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A small, exactly known data set for the SQL tests; "today" is {@link #TODAY}.
 *
 * <ul>
 *   <li>bakery.example, p=none, Google reports 2026-03-11..30 (20 days), per day: Google
 *       Workspace 100 passing; SendGrid 20 failing (d=sendgrid.net, its own bounce domain:
 *       legitimate, failing); an unknown IP 3 failing; Google Groups 2 failing (the domain's
 *       signature broken by the list: forwarded). 125 messages, 100 pass per day.
 *   <li>lawfirm.example, p=quarantine, Microsoft reports 2026-03-11..25 (15 days, then stopped),
 *       per day: Microsoft 365 50 passing; an unknown IP 4 failing, quarantined.
 *   <li>nothing.example: no reports.
 * </ul>
 */
final class RoadFixture {
  static final LocalDate TODAY = LocalDate.parse("2026-03-31");
  static final Instant NOW = TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC);

  private RoadFixture() {}

  static List<Ingestor.Item> reports() {
    List<Ingestor.Item> out = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      LocalDate day = LocalDate.parse("2026-03-11").plusDays(i);
      out.add(item(new Header("google.com", "noreply-dmarc-support@google.com", "g-" + day,
          start(day), start(day.plusDays(1)).minusSeconds(1), "bakery.example", "none", null,
          null), List.of(
              new Row("209.85.220.41", 100, "none", "pass", "pass", "bakery.example",
                  "bakery.example", List.of(new Auth("bakery.example", "google", "pass"),
                      new Auth("bakery-example.20230601.gappssmtp.com", "20230601", "pass")),
                  List.of(new Auth("bakery.example", "mfrom", "pass"))),
              new Row("167.89.1.10", 20, "none", "fail", "fail", "bakery.example",
                  "sendgrid.net", List.of(new Auth("sendgrid.net", "smtpapi", "pass")),
                  List.of(new Auth("sendgrid.net", "mfrom", "pass"))),
              new Row("203.0.113.5", 3, "none", "fail", "fail", "bakery.example",
                  "bakery.example", List.of(), List.of(new Auth("bakery.example", "mfrom", "fail"))),
              new Row("209.85.220.69", 2, "none", "fail", "fail", "bakery.example",
                  "googlegroups.com", List.of(new Auth("bakery.example", "google", "fail"),
                      new Auth("googlegroups.com", "20230601", "pass")),
                  List.of(new Auth("googlegroups.com", "mfrom", "pass"))))));
    }
    for (int i = 0; i < 15; i++) {
      LocalDate day = LocalDate.parse("2026-03-11").plusDays(i);
      out.add(item(new Header("Enterprise Outlook", "dmarcreport@microsoft.com", "m-" + day,
          start(day), start(day.plusDays(1)).minusSeconds(1), "lawfirm.example", "quarantine",
          null, null), List.of(
              new Row("40.107.1.1", 50, "none", "pass", "pass", "lawfirm.example",
                  "lawfirm.example", List.of(new Auth("lawfirm.example", "selector1", "pass"),
                      new Auth("lawfirm.onmicrosoft.com", "selector1", "pass")),
                  List.of(new Auth("lawfirm.example", "mfrom", "pass"))),
              new Row("198.51.100.7", 4, "quarantine", "fail", "fail", "lawfirm.example",
                  "lawfirm.example", List.of(),
                  List.of(new Auth("lawfirm.example", "mfrom", "fail"))))));
    }
    return out;
  }

  private static Instant start(LocalDate d) {
    return d.atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  private static Ingestor.Item item(Header h, List<Row> rows) {
    return new Ingestor.Item(AggregateXml.gzip(h, rows),
        new Source(Source.Kind.FILE, h.reportId() + ".xml.gz", NOW));
  }
}
