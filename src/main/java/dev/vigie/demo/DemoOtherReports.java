package dev.vigie.demo;

import dev.vigie.ingest.Source;
import dev.vigie.store.Ingestor;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** The demo's failure reports (RFC 6591 ARF) and SMTP TLS reports (RFC 8460). */
final class DemoOtherReports {
  private static final DateTimeFormatter RFC5322 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

  private DemoOtherReports() {}

  /** Five failure reports about the spoofing campaign against leroy-meca.fr, 10 to 8 days ago. */
  static List<Ingestor.Item> failureReports(LocalDate today, Random random) {
    List<Ingestor.Item> out = new ArrayList<>();
    String[] ips = {"203.0.113.14", "198.51.100.23", "192.0.2.45", "203.0.113.77", "192.0.2.130"};
    String[] subjects = {"Facture impayée n°4471", "Votre commande est bloquée",
        "Mise à jour de vos coordonnées bancaires", "Relance : facture n°4472", "Urgent - RIB"};
    for (int i = 0; i < ips.length; i++) {
      Instant at = today.minusDays(10 - i / 2).atTime(8 + i, 17, 3).toInstant(ZoneOffset.UTC);
      String date = RFC5322.format(at.atOffset(ZoneOffset.UTC));
      String id = Long.toHexString(random.nextLong());
      String boundary = "----=_arf_" + id;
      String eml = "From: dmarc-forensic@mail.example-isp.net\r\n"
          + "To: dmarc-ruf@reports.vigie-demo.example\r\n"
          + "Subject: DMARC failure report for leroy-meca.fr from " + ips[i] + "\r\n"
          + "Date: " + date + "\r\n"
          + "Message-ID: <" + id + "@mail.example-isp.net>\r\n"
          + "MIME-Version: 1.0\r\n"
          + "Content-Type: multipart/report; report-type=feedback-report; boundary=\"" + boundary
          + "\"\r\n\r\n"
          + "--" + boundary + "\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
          + "A message claiming to be from leroy-meca.fr failed DMARC.\r\n\r\n"
          + "--" + boundary + "\r\nContent-Type: message/feedback-report\r\n\r\n"
          + "Feedback-Type: auth-failure\r\n"
          + "User-Agent: demo-mta/1.0\r\n"
          + "Version: 1\r\n"
          + "Original-Mail-From: <compta@leroy-meca.fr>\r\n"
          + "Original-Rcpt-To: <client" + i + "@example.net>\r\n"
          + "Arrival-Date: " + date + "\r\n"
          + "Source-IP: " + ips[i] + "\r\n"
          + "Reported-Domain: leroy-meca.fr\r\n"
          + "Authentication-Results: mail.example-isp.net; dmarc=fail (p=none; dis=none)"
          + " header.from=leroy-meca.fr; spf=softfail smtp.mailfrom=leroy-meca.fr; dkim=none\r\n"
          + "Auth-Failure: dmarc\r\n"
          + "Delivery-Result: delivered\r\n\r\n"
          + "--" + boundary + "\r\nContent-Type: text/rfc822-headers\r\n\r\n"
          + "From: Comptabilite Leroy <compta@leroy-meca.fr>\r\n"
          + "To: <client" + i + "@example.net>\r\n"
          + "Subject: " + mimeWord(subjects[i]) + "\r\n"
          + "Date: " + date + "\r\n"
          + "Message-ID: <" + id + ".spoof@" + ips[i] + ">\r\n\r\n"
          + "--" + boundary + "--\r\n";
      out.add(new Ingestor.Item(DemoData.utf8(eml),
          new Source(Source.Kind.IMAP, "INBOX/" + (1000 + i), at.plusSeconds(600))));
    }
    return out;
  }

  /** Daily SMTP TLS reports from google.com for two domains over the last 14 days. */
  static List<Ingestor.Item> tlsReports(LocalDate today, Random random) {
    List<Ingestor.Item> out = new ArrayList<>();
    String[] domains = {"sourire-dentaire.fr", "durand-avocats.fr"};
    for (String domain : domains) {
      for (int ago = 14; ago >= 1; ago--) {
        LocalDate day = today.minusDays(ago);
        long ok = 40 + random.nextInt(60);
        // one bad week-end: the MX certificate expired on the backup MX of the law firm
        boolean bad = domain.startsWith("durand") && (ago == 9 || ago == 8);
        long failed = bad ? 12 + random.nextInt(5) : 0;
        String json = "{\"organization-name\":\"Google Inc.\",\"date-range\":{"
            + "\"start-datetime\":\"" + day + "T00:00:00Z\",\"end-datetime\":\"" + day
            + "T23:59:59Z\"},\"contact-info\":\"smtp-tls-reporting@google.com\","
            + "\"report-id\":\"" + day + "Z_" + domain + "\",\"policies\":[{\"policy\":{"
            + "\"policy-type\":\"sts\",\"policy-string\":[\"version: STSv1\",\"mode: enforce\","
            + "\"mx: mx1." + domain + "\",\"mx: mx2." + domain + "\",\"max_age: 604800\"],"
            + "\"policy-domain\":\"" + domain + "\"},\"summary\":{"
            + "\"total-successful-session-count\":" + ok + ",\"total-failure-session-count\":"
            + failed + "}" + (bad ? ",\"failure-details\":[{\"result-type\":"
                + "\"certificate-expired\",\"sending-mta-ip\":\"209.85.220.41\","
                + "\"receiving-mx-hostname\":\"mx2." + domain + "\",\"failed-session-count\":"
                + failed + "}]" : "") + "}]}";
        out.add(new Ingestor.Item(AggregateXml.gzip(DemoData.utf8(json)),
            new Source(Source.Kind.FILE, "google.com!" + domain + "!" + day + ".json.gz",
                day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))));
      }
    }
    return out;
  }

  /** RFC 2047 encoded word for a header with non-ASCII text. */
  private static String mimeWord(String s) {
    if (s.chars().allMatch(c -> c < 128)) {
      return s;
    }
    return "=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(DemoData.utf8(s)) + "?=";
  }
}
