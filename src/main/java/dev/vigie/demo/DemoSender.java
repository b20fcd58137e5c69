package dev.vigie.demo;

import dev.vigie.demo.AggregateXml.Auth;
import dev.vigie.demo.AggregateXml.Row;
import java.util.List;
import java.util.Locale;

/**
 * How one kind of source appears in aggregate reports: its IPs and its authentication results
 * for a domain, shaped so that the classifier recognises it from the report alone (DKIM {@code d=}
 * and MAIL FROM domains of the catalogue), without reverse DNS.
 */
enum DemoSender {
  /** Google Workspace, signing with the domain and the gappssmtp.com key: passes. */
  GOOGLE_WORKSPACE("209.85.220.41", "209.85.220.73", "209.85.218.45", "209.85.128.170"),
  /** Microsoft 365 with DKIM set up for the domain (and the tenant's onmicrosoft.com): passes. */
  MICROSOFT_365("40.107.22.52", "40.107.7.98", "52.101.66.12", "40.107.105.75"),
  /** Mailchimp with the domain's DKIM (CNAMEs to k2/k3._domainkey.mcsv.net): passes. */
  MAILCHIMP_SIGNED("198.2.180.12", "198.2.139.201", "198.2.128.34"),
  /** Mailchimp without domain authentication: only d=mcsv.net, bounce domain mcsv.net: fails. */
  MAILCHIMP_UNSIGNED("198.2.180.12", "198.2.139.201"),
  /** SendGrid sending order confirmations with its own d=sendgrid.net and bounce domain: fails. */
  SENDGRID_UNSIGNED("167.89.12.34", "149.72.56.78", "167.89.101.2"),
  /** Doctolib appointment reminders signed for the domain: passes. */
  DOCTOLIB_SIGNED("51.159.23.10", "51.159.23.11"),
  /** Xero invoices signed for the domain: passes. */
  XERO_SIGNED("52.62.19.4", "52.62.19.5"),
  /** Google Groups re-sending the domain's mail with a subject tag: its DKIM broke. */
  GOOGLE_GROUPS_FORWARD("209.85.220.69", "209.85.220.97"),
  /** Someone else using the domain's name: no DKIM, SPF fails. Documentation addresses. */
  IMPOSTOR("203.0.113.14", "203.0.113.77", "198.51.100.23", "198.51.100.201", "192.0.2.45",
      "192.0.2.130", "203.0.113.160");

  private final List<String> ips;

  DemoSender(String... ips) {
    this.ips = List.of(ips);
  }

  List<String> ips() {
    return ips;
  }

  /** The report row for {@code count} messages from {@code ip} in {@code domain}'s name. */
  Row row(String domain, String ip, long count, String policy) {
    String dashed = domain.replace('.', '-');
    String tenant = domain.substring(0, domain.indexOf('.')).replace("-", "");
    String failDisposition = policy.toLowerCase(Locale.ROOT);
    return switch (this) {
      case GOOGLE_WORKSPACE -> pass(ip, count, domain, domain,
          List.of(new Auth(domain, "google", "pass"),
              new Auth(dashed + ".20230601.gappssmtp.com", "20230601", "pass")),
          List.of(new Auth(domain, "mfrom", "pass")));
      case MICROSOFT_365 -> pass(ip, count, domain, domain,
          List.of(new Auth(domain, "selector1", "pass"),
              new Auth(tenant + ".onmicrosoft.com", "selector1-" + dashed, "pass")),
          List.of(new Auth(domain, "mfrom", "pass")));
      case MAILCHIMP_SIGNED -> new Row(ip, count, "none", "pass", "fail", domain,
          "mail180.suw12.mcsv.net", List.of(new Auth(domain, "k2", "pass"),
              new Auth("mcsv.net", "k3", "pass")),
          List.of(new Auth("mail180.suw12.mcsv.net", "mfrom", "pass")));
      case MAILCHIMP_UNSIGNED -> new Row(ip, count, failDisposition, "fail", "fail", domain,
          "mail180.suw12.mcsv.net", List.of(new Auth("mcsv.net", "k3", "pass")),
          List.of(new Auth("mail180.suw12.mcsv.net", "mfrom", "pass")));
      case SENDGRID_UNSIGNED -> new Row(ip, count, failDisposition, "fail", "fail", domain,
          "sendgrid.net", List.of(new Auth("sendgrid.net", "smtpapi", "pass")),
          List.of(new Auth("sendgrid.net", "mfrom", "pass")));
      case DOCTOLIB_SIGNED -> new Row(ip, count, "none", "pass", "fail", domain, "doctolib.fr",
          List.of(new Auth(domain, "doctolib", "pass"), new Auth("doctolib.fr", "s1", "pass")),
          List.of(new Auth("doctolib.fr", "mfrom", "pass")));
      case XERO_SIGNED -> new Row(ip, count, "none", "pass", "fail", domain, "xero.com",
          List.of(new Auth(domain, "xero", "pass"), new Auth("xero.com", "s1", "pass")),
          List.of(new Auth("xero.com", "mfrom", "pass")));
      case GOOGLE_GROUPS_FORWARD -> new Row(ip, count, failDisposition, "fail", "fail", domain,
          "googlegroups.com", List.of(new Auth(domain, "google", "fail"),
              new Auth("googlegroups.com", "20230601", "pass")),
          List.of(new Auth("googlegroups.com", "mfrom", "pass")));
      case IMPOSTOR -> new Row(ip, count, failDisposition, "fail", "fail", domain, domain,
          List.of(), List.of(new Auth(domain, "mfrom", "softfail")));
    };
  }

  private static Row pass(String ip, long count, String domain, String envelope, List<Auth> dkim,
      List<Auth> spf) {
    return new Row(ip, count, "none", "pass", "pass", domain, envelope, dkim, spf);
  }
}
