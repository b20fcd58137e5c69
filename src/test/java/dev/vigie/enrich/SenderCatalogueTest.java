package dev.vigie.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SenderCatalogueTest {
  private final SenderCatalogue catalogue = SenderCatalogue.bundled();

  @Test
  void bundled_hasAtLeast150SendersInEveryCategory() {
    assertThat(catalogue.size()).isGreaterThanOrEqualTo(150);
    assertThat(catalogue.senders().stream().map(KnownSender::category)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(SenderCategory.class))))
        .containsExactlyInAnyOrder(SenderCategory.values());
  }

  @Test
  void bundled_hasTheServicesSmesUse() {
    assertThat(catalogue.senders()).extracting(KnownSender::id).contains("microsoft365", "google",
        "amazon-ses", "sendgrid", "mailchimp", "mandrill", "mailgun", "postmark", "sparkpost",
        "salesforce", "pardot", "hubspot", "zendesk", "brevo", "klaviyo", "constant-contact",
        "campaign-monitor", "freshworks", "intercom", "zoho", "intuit", "xero", "stripe", "shopify",
        "squarespace", "wix", "godaddy", "ovh", "ionos", "mimecast", "proofpoint", "barracuda",
        "yahoo", "icloud", "fastmail", "proton", "docusign", "atlassian", "github", "slack",
        "calendly", "surveymonkey", "typeform", "eventbrite", "workday", "bamboohr");
  }

  /** reverse DNS | ASN | DKIM d= (space-separated) | envelope | expected id | evidence kinds. */
  @ParameterizedTest(name = "{4}: {0} {2} {3}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      mail-am6eur05on2040.outbound.protection.outlook.com | 8075 | example.onmicrosoft.com | - | microsoft365 | REVERSE_DNS DKIM_DOMAIN ASN
      mail-sor-f41.google.com | 15169 | example-com.20230601.gappssmtp.com | - | google | REVERSE_DNS DKIM_DOMAIN ASN
      mail135.atl221.rsgsv.net | - | mcsv.net | mail135.atl221.rsgsv.net | mailchimp | REVERSE_DNS DKIM_DOMAIN ENVELOPE_DOMAIN
      mail132-4.atl131.mandrillapp.com | - | mandrillapp.com | mandrillapp.com | mandrill | REVERSE_DNS DKIM_DOMAIN ENVELOPE_DOMAIN
      a8-30.smtp-out.amazonses.com | 16509 | amazonses.com | us-west-2.amazonses.com | amazon-ses | REVERSE_DNS DKIM_DOMAIN ENVELOPE_DOMAIN ASN
      a8-30.smtp-out.amazonses.com | 16509 | amazonses.com | mail.intercom-mail.com | intercom | ENVELOPE_DOMAIN
      wrqvtzvf.outbound-mail.sendgrid.net | 11377 | sendgrid.info | - | sendgrid | REVERSE_DNS DKIM_DOMAIN ASN
      mta201a-ord.mtasv.net | - | pm.mtasv.net | pm-bounces.mtasv.net | postmark | REVERSE_DNS DKIM_DOMAIN ENVELOPE_DOMAIN
      smtp06-ia4-sp3.mta.salesforce.com | 14340 | - | 3xkd9.5-abcdef.na123.bnc.salesforce.com | salesforce | REVERSE_DNS ENVELOPE_DOMAIN ASN
      - | - | hubspotemail.net | bf07x.hubspotemail.net | hubspot | DKIM_DOMAIN ENVELOPE_DOMAIN
      - | - | zendesk.com | - | zendesk | DKIM_DOMAIN
      mail-yw1-f200.google.com | 15169 | googlegroups.com | googlegroups.com | google-groups | DKIM_DOMAIN ENVELOPE_DOMAIN
      mx0b-00123401.pphosted.com | - | - | - | proofpoint | REVERSE_DNS
      p3plsmtpa06-02.prod.phx3.secureserver.net | 26496 | - | - | godaddy | REVERSE_DNS ASN
      mo4-p00-ob.smtp.rzone.de | - | - | - | strato | REVERSE_DNS
      - | - | stripe.com | - | stripe | DKIM_DOMAIN
      - | - | docusign.net | docusign.net | docusign | DKIM_DOMAIN ENVELOPE_DOMAIN
      MAIL-SOR-F41.GOOGLE.COM. | - | - | - | google | REVERSE_DNS
      """)
  void identify_realisticSources(@Nullable String ptr, @Nullable Long asn, @Nullable String dkim,
      @Nullable String envelope, String expected, String kinds) {
    SenderSignals signals = new SenderSignals(ptr, asn,
        dkim == null ? List.of() : Arrays.asList(dkim.split(" ")), envelope);
    SenderMatch m = catalogue.identify(signals).orElseThrow();
    assertThat(m.sender().id()).isEqualTo(expected);
    assertThat(m.evidence()).extracting(e -> e.kind().name())
        .containsExactly(kinds.split(" "));
    assertThat(m.strong()).isTrue();
  }

  @Test
  void candidates_intercomOnSes_listsSesSecond() {
    List<SenderMatch> all = catalogue.candidates(new SenderSignals("a8-30.smtp-out.amazonses.com",
        16509L, List.of("amazonses.com"), "mail.intercom-mail.com"));
    assertThat(all).extracting(m -> m.sender().id()).containsExactly("intercom", "amazon-ses");
  }

  @Test
  void identify_asnAlone_isWeak() {
    SenderMatch m = catalogue.identify(SenderSignals.ofSource(null, 16509L)).orElseThrow();
    assertThat(m.sender().id()).isEqualTo("amazon-ses");
    assertThat(m.strong()).isFalse();
  }

  @Test
  void identify_unknownSource_empty() {
    assertThat(catalogue.identify(new SenderSignals("host-203-0-113-9.dsl.example-isp.net", 64500L,
        List.of("attacker.example"), "attacker.example"))).isEmpty();
  }

  @Test
  void identify_matchesWholeLabelsOnly() {
    assertThat(catalogue.identify(SenderSignals.ofSource("mail.notgoogle.com", null))).isEmpty();
    assertThat(catalogue.identify(SenderSignals.ofSource("evilmcsv.net", null))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"spf.protection.outlook.com, microsoft365", "_spf.google.com, google",
      "servers.mcsv.net, mailchimp", "eu._netblocks.mimecast.com, mimecast",
      "amazonses.com, amazon-ses", "spf.mtasv.net, postmark", "SENDGRID.NET., sendgrid",
      "_spf.salesforce.com, salesforce", "mail.zendesk.com, zendesk"})
  void bySpfInclude_knownIncludes(String include, String expected) {
    assertThat(catalogue.bySpfInclude(include)).map(KnownSender::id).hasValue(expected);
  }

  @Test
  void bySpfInclude_unknown_empty() {
    assertThat(catalogue.bySpfInclude("_spf.example.net")).isEmpty();
  }

  private static SenderCatalogue load(String senders) throws IOException {
    String json = "{\"senders\": [" + senders + "]}";
    return SenderCatalogue.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
        "custom.json");
  }

  @Test
  void load_minimalEntry() throws IOException {
    SenderCatalogue c = load("{\"id\": \"acme-mailer\", \"name\": \"Acme\", \"category\": \"marketing\","
        + " \"ptr\": [\"out.acme.example\"], \"asn\": [64500]}");
    assertThat(c.byId("acme-mailer")).get().extracting(KnownSender::category)
        .isEqualTo(SenderCategory.MARKETING);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', textBlock = """
      {"id": "a", "name": "A", "category": "crm"}, {"id": "a", "name": "B", "category": "crm"} | sender #2: duplicate id "a"
      {"id": "a", "name": " ", "category": "crm"} | sender #1 ("a"): "name" must be a non-empty string
      {"id": "a", "name": "A", "category": "newsletters"} | sender #1 ("a"): unknown category "newsletters"
      {"id": "a", "name": "A", "category": "crm", "dkims": ["a.example"]} | sender #1: unknown field "dkims"
      {"id": "a", "name": "A", "category": "crm", "ptr": [".a.example"]} | "ptr" has an invalid domain ".a.example"
      {"id": "a", "name": "A", "category": "crm", "dkim": ["A.Example"]} | "dkim" has an invalid domain "A.Example"
      {"id": "a", "name": "A", "category": "crm", "asn": [-1]} | "asn" has an invalid AS number -1
      {"id": "A B", "name": "A", "category": "crm"} | id must be lower-case letters, digits and hyphens
      {"id": "a", "name": "A", "category": "crm", "ptr": ["x.example"]}, {"id": "b", "name": "B", "category": "crm", "ptr": ["x.example"]} | ptr "x.example" belongs to both "a" and "b"
      {"id": "a", "name": "A", "category": "crm", "asn": [1]}, {"id": "b", "name": "B", "category": "crm", "asn": [1]} | asn "1" belongs to both "a" and "b"
      """)
  void load_invalid_namesFileAndEntry(String senders, String problem) {
    assertThatThrownBy(() -> load(senders)).isInstanceOf(InvalidCatalogueException.class)
        .hasMessageStartingWith("custom.json: ").hasMessageContaining(problem);
  }

  @Test
  void load_notJson_namesFile() {
    assertThatThrownBy(() -> SenderCatalogue.load(
        new ByteArrayInputStream("senders: [".getBytes(StandardCharsets.UTF_8)), "custom.yaml"))
        .isInstanceOf(InvalidCatalogueException.class).hasMessageStartingWith("custom.yaml: not valid JSON");
  }

  @Test
  void load_emptyList_rejected() {
    assertThatThrownBy(() -> load("")).isInstanceOf(InvalidCatalogueException.class)
        .hasMessageContaining("empty");
  }
}
