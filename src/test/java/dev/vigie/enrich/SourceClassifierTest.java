package dev.vigie.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.dns.psl.PublicSuffixes;
import dev.vigie.report.aggregate.AggregateRecord;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class SourceClassifierTest {
  private static final SenderCatalogue CATALOGUE = SenderCatalogue.bundled();
  private final SourceClassifier classifier =
      new SourceClassifier(CATALOGUE, PublicSuffixes.bundled());

  /** A source whose PTR name was confirmed and named {@code senderId} (null: unknown network). */
  private static SourceInfo source(String ip, @Nullable String ptr, @Nullable String senderId) {
    KnownSender s = senderId == null ? null : CATALOGUE.byId(senderId).orElseThrow();
    return new SourceInfo(ip, ptr, ptr != null, null, "US", null, null, s);
  }

  private Classification classify(AggregateRecord r, SourceInfo s) {
    return classifier.classify(r, "example.com", s);
  }

  // --- AUTHORISED_PASSING

  @Test
  void classify_microsoft365WithDomainDkim_authorisedPassing() {
    AggregateRecord r = Records.from("40.107.22.45").evaluated("pass", "pass")
        .dkim("example.com", "pass").dkim("example.onmicrosoft.com", "pass")
        .spf("example.com", "pass").build();
    Classification c = classify(r,
        source("40.107.22.45", "mail-am6eur05on2045.outbound.protection.outlook.com", "microsoft365"));
    assertThat(c.sourceClass()).isEqualTo(SourceClass.AUTHORISED_PASSING);
    assertThat(c.rule()).isEqualTo(ClassificationRule.DMARC_PASS);
    assertThat(c.sender()).extracting(KnownSender::id).isEqualTo("microsoft365");
  }

  @Test
  void classify_mailchimpWithDomainDkimOnly_authorisedPassing() {
    AggregateRecord r = Records.from("198.2.139.13").evaluated("pass", "fail")
        .dkim("example.com", "pass").dkim("mcsv.net", "pass")
        .spf("mail13.atl91.mcsv.net", "pass").build();
    Classification c = classify(r, source("198.2.139.13", "mail13.atl91.mcsv.net", "mailchimp"));
    assertThat(c.sourceClass()).isEqualTo(SourceClass.AUTHORISED_PASSING);
    assertThat(c.sender()).extracting(KnownSender::id).isEqualTo("mailchimp");
  }

  // --- AUTHORISED_FAILING

  @Test
  void classify_microsoft365MissingSpfIncludeAndDkim_authorisedFailing() {
    AggregateRecord r = Records.from("40.107.22.45").dkim("example.onmicrosoft.com", "pass")
        .spf("example.com", "fail").build();
    Classification c = classify(r,
        source("40.107.22.45", "mail-am6eur05on2045.outbound.protection.outlook.com", "microsoft365"));
    assertThat(c.sourceClass()).isEqualTo(SourceClass.AUTHORISED_FAILING);
    assertThat(c.rule()).isEqualTo(ClassificationRule.DOMAIN_MAIL_ON_KNOWN_PLATFORM);
  }

  @Test
  void classify_mailchimpWithoutDomainAuthentication_authorisedFailing() {
    AggregateRecord r = Records.from("198.2.139.13").dkim("mcsv.net", "pass")
        .spf("mail13.atl91.mcsv.net", "pass").build();
    Classification c = classify(r, source("198.2.139.13", "mail13.atl91.mcsv.net", "mailchimp"));
    assertThat(c.sourceClass()).isEqualTo(SourceClass.AUTHORISED_FAILING);
    assertThat(c.rule()).isEqualTo(ClassificationRule.KNOWN_SENDING_SERVICE);
  }

  @Test
  void classify_intercomThroughSesWithoutPtr_authorisedFailingNamedIntercom() {
    AggregateRecord r = Records.from("54.240.10.20").dkim("amazonses.com", "pass")
        .dkim("intercom-mail.com", "pass").spf("mail.intercom-mail.com", "pass").build();
    Classification c = classify(r, source("54.240.10.20", null, null));
    assertThat(c.rule()).isEqualTo(ClassificationRule.KNOWN_SENDING_SERVICE);
    assertThat(c.sender()).extracting(KnownSender::id).isEqualTo("intercom");
  }

  @Test
  void classify_sendgridWithRemovedDkimKey_domainSignatureFailing() {
    AggregateRecord r = Records.from("167.89.1.2").dkim("example.com", "fail")
        .dkim("sendgrid.info", "pass").spf("sendgrid.net", "pass").build();
    Classification c = classify(r, source("167.89.1.2", "o1.outbound-mail.sendgrid.net", "sendgrid"));
    assertThat(c.sourceClass()).isEqualTo(SourceClass.AUTHORISED_FAILING);
    assertThat(c.rule()).isEqualTo(ClassificationRule.DOMAIN_SIGNATURE_FAILING);
  }

  @Test
  void classify_strictDkimAlignmentOnSubdomain_domainSignatureFailing() {
    // adkim=s: news.example.com's signature passes but is not aligned with example.com
    AggregateRecord r = Records.from("203.0.113.25").dkim("news.example.com", "pass")
        .spf("bounce.example.net", "pass").build();
    Classification c = classify(r, source("203.0.113.25", null, null));
    assertThat(c.rule()).isEqualTo(ClassificationRule.DOMAIN_SIGNATURE_FAILING);
  }

  @Test
  void classify_mimecastOutboundWithoutSpfInclude_authorisedFailing() {
    AggregateRecord r = Records.from("91.220.42.7").spf("example.com", "softfail").build();
    Classification c = classify(r,
        source("91.220.42.7", "eu-smtp-1.mimecast.com", "mimecast"));
    assertThat(c.rule()).isEqualTo(ClassificationRule.DOMAIN_MAIL_ON_KNOWN_PLATFORM);
  }

  @Test
  void classify_fastmailDeclaredByDomain_authorisedFailing_elseUnknown() {
    AggregateRecord r = Records.from("103.168.172.150").spf("example.com", "fail").build();
    SourceInfo s = source("103.168.172.150", "out1-smtp.messagingengine.com", "fastmail");
    assertThat(classifier.classify(r, new DomainProfile("example.com", Set.of("fastmail")), s).rule())
        .isEqualTo(ClassificationRule.DOMAIN_MAIL_ON_KNOWN_PLATFORM);
    assertThat(classify(r, s).sourceClass()).isEqualTo(SourceClass.UNKNOWN_OR_IMPOSTOR);
  }

  @Test
  void classify_declaredSenderWithForeignEnvelope_declaredSender() {
    AggregateRecord r = Records.from("209.85.220.41").spf("example-org.net", "fail").build();
    SourceInfo s = source("209.85.220.41", "mail-sor-f41.google.com", "google");
    Classification c = classifier.classify(r, new DomainProfile("example.com", Set.of("google")), s);
    assertThat(c.rule()).isEqualTo(ClassificationRule.DECLARED_SENDER);
  }

  // --- FORWARDED

  @Test
  void classify_receiverReportedMailingList_forwarded() {
    AggregateRecord r = Records.from("198.51.100.7").override("mailing_list")
        .dkim("example.com", "fail").spf("lists.example.org", "pass").build();
    Classification c = classify(r, source("198.51.100.7", null, null));
    assertThat(c.sourceClass()).isEqualTo(SourceClass.FORWARDED);
    assertThat(c.rule()).isEqualTo(ClassificationRule.RECEIVER_SAW_FORWARDING);
  }

  @Test
  void classify_googleGroupsRewrote_signatureBrokenInTransit() {
    AggregateRecord r = Records.from("209.85.220.69").dkim("example.com", "fail")
        .dkim("googlegroups.com", "pass").spf("googlegroups.com", "pass").build();
    Classification c = classify(r, source("209.85.220.69", "mail-sor-f69.google.com", "google"));
    assertThat(c.sourceClass()).isEqualTo(SourceClass.FORWARDED);
    assertThat(c.rule()).isEqualTo(ClassificationRule.SIGNATURE_BROKEN_IN_TRANSIT);
    assertThat(c.sender()).extracting(KnownSender::id).isEqualTo("google-groups");
  }

  @Test
  void classify_universityForwarderKeptEnvelope_signatureBrokenInTransit() {
    AggregateRecord r = Records.from("192.0.2.200").dkim("example.com", "fail")
        .spf("example.com", "fail").build();
    Classification c = classify(r, source("192.0.2.200", "mx1.cs.example.edu", null));
    assertThat(c.rule()).isEqualTo(ClassificationRule.SIGNATURE_BROKEN_IN_TRANSIT);
  }

  @Test
  void classify_microsoft365TenantForwardingWithSrs_relayedByForwarder() {
    AggregateRecord r = Records.from("40.92.18.33").dkim("contoso.onmicrosoft.com", "pass")
        .spf("contoso.com", "pass").build();
    Classification c = classify(r,
        source("40.92.18.33", "mail-db8eur05on2033.outbound.protection.outlook.com", "microsoft365"));
    assertThat(c.sourceClass()).isEqualTo(SourceClass.FORWARDED);
    assertThat(c.rule()).isEqualTo(ClassificationRule.RELAYED_BY_FORWARDER);
  }

  // --- UNKNOWN_OR_IMPOSTOR

  @Test
  void classify_directSpoofFromVps_unknown() {
    AggregateRecord r = Records.from("185.220.101.4").spf("example.com", "fail").build();
    Classification c = classify(r, source("185.220.101.4", "vps-4.example-hosting.net", null));
    assertThat(c.sourceClass()).isEqualTo(SourceClass.UNKNOWN_OR_IMPOSTOR);
    assertThat(c.rule()).isEqualTo(ClassificationRule.NO_EVIDENCE);
    assertThat(c.sender()).isNull();
  }

  @Test
  void classify_lookalikeAuthenticatedAsItself_unknown() {
    AggregateRecord r = Records.from("45.61.136.10").dkim("examp1e-billing.com", "pass")
        .spf("examp1e-billing.com", "pass").build();
    assertThat(classify(r, source("45.61.136.10", null, null)).sourceClass())
        .isEqualTo(SourceClass.UNKNOWN_OR_IMPOSTOR);
  }

  @Test
  void classify_unconfirmedOutlookPtr_unknown() {
    // The PTR claims Microsoft but does not resolve back: the enricher named no sender.
    AggregateRecord r = Records.from("203.0.113.66").spf("example.com", "fail").build();
    SourceInfo s = new SourceInfo("203.0.113.66", "mail-x.outbound.protection.outlook.com", false,
        "outlook.com", "RU", null, null, null);
    assertThat(classify(r, s).sourceClass()).isEqualTo(SourceClass.UNKNOWN_OR_IMPOSTOR);
  }

  @Test
  void classify_awsVirtualMachineKnownOnlyByAsn_unknown() {
    AggregateRecord r = Records.from("3.120.5.6").spf("example.com", "fail").build();
    SourceInfo s = new SourceInfo("3.120.5.6", "ec2-3-120-5-6.eu-central-1.compute.amazonaws.com",
        true, "amazonaws.com", "DE", 16509L, "Amazon.com, Inc.", null);
    Classification c = classify(r, s);
    assertThat(c.sourceClass()).isEqualTo(SourceClass.UNKNOWN_OR_IMPOSTOR);
    assertThat(c.sender()).isNull();
  }
}
