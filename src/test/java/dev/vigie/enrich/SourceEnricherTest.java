package dev.vigie.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.dns.DnsAnswer;
import dev.vigie.dns.DnsClient;
import dev.vigie.dns.RecordType;
import dev.vigie.dns.StubDnsClient;
import dev.vigie.dns.psl.PublicSuffixes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceEnricherTest {
  @TempDir Path dir;
  private final List<AutoCloseable> open = new ArrayList<>();

  private final StubDnsClient zone = new StubDnsClient()
      .add("45.22.107.40.in-addr.arpa", RecordType.PTR,
          "mail-am6eur05on2045.outbound.protection.outlook.com.")
      .add("mail-am6eur05on2045.outbound.protection.outlook.com", RecordType.A, "40.107.22.45")
      // claims to be Microsoft, but the name does not lead back to the address
      .add("66.113.0.203.in-addr.arpa", RecordType.PTR, "mail-x.outbound.protection.outlook.com")
      .add("mail-x.outbound.protection.outlook.com", RecordType.A, "40.107.1.1")
      .add("d.2.5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.2.0.0.4.6.8.4.0.5.4.1.0.0.a.2.ip6.arpa", RecordType.PTR,
          "mail-wr1-x42d.google.com")
      .add("mail-wr1-x42d.google.com", RecordType.AAAA, "2a00:1450:4864:20::52d")
      .timeout("9.9.51.198.in-addr.arpa");

  /** The stub is not thread-safe; the enricher's pool is. */
  private final DnsClient dns = new DnsClient() {
    @Override
    public synchronized DnsAnswer lookup(String name, RecordType type) {
      return zone.lookup(name, type);
    }
  };

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private SourceEnricher enricher(EnrichOptions options, DnsClient client, IpDatabase db) {
    SourceEnricher e = new SourceEnricher(options, client, db, SenderCatalogue.bundled(),
        PublicSuffixes.bundled());
    open.add(e);
    open.add(db);
    return e;
  }

  private IpDatabase ipinfo() throws IOException {
    return IpDatabase.open(List.of(TestDatabases.ipinfoLite(dir)));
  }

  @Test
  void enrich_confirmedPtr_namesSender() throws IOException {
    SourceInfo info = enricher(EnrichOptions.defaults(), dns, ipinfo()).enrich("40.107.22.45");
    assertThat(info).isEqualTo(new SourceInfo("40.107.22.45",
        "mail-am6eur05on2045.outbound.protection.outlook.com", true, "outlook.com", "US", 8075L,
        "Microsoft Corporation", SenderCatalogue.bundled().byId("microsoft365").orElseThrow()));
  }

  @Test
  void enrich_ipv6_confirmedByAaaa() throws IOException {
    SourceInfo info = enricher(EnrichOptions.defaults(), dns, ipinfo()).enrich("2a00:1450:4864:20::52d");
    assertThat(info.reverseDns()).isEqualTo("mail-wr1-x42d.google.com");
    assertThat(info.reverseDnsConfirmed()).isTrue();
    assertThat(info.baseDomain()).isEqualTo("google.com");
    assertThat(info.asn()).isEqualTo(15169L);
    assertThat(info.sender()).extracting(KnownSender::id).isEqualTo("google");
  }

  @Test
  void enrich_unconfirmedPtr_keptButNamesNoSender() {
    SourceInfo info = enricher(EnrichOptions.defaults(), dns, IpDatabase.none()).enrich("203.0.113.66");
    assertThat(info.reverseDns()).isEqualTo("mail-x.outbound.protection.outlook.com");
    assertThat(info.reverseDnsConfirmed()).isFalse();
    assertThat(info.sender()).isNull();
  }

  @Test
  void enrich_confirmationOff_trustsPtr() {
    SourceInfo info = enricher(EnrichOptions.defaults().withConfirmReverseDns(false), dns,
        IpDatabase.none()).enrich("203.0.113.66");
    assertThat(info.sender()).extracting(KnownSender::id).isEqualTo("microsoft365");
    assertThat(zone.queries()).containsExactly("PTR 66.113.0.203.in-addr.arpa");
  }

  @Test
  void enrich_noPtr_onlyDatabaseFields() throws IOException {
    SourceInfo info = enricher(EnrichOptions.defaults(), dns, ipinfo()).enrich("88.198.5.6");
    assertThat(info).isEqualTo(new SourceInfo("88.198.5.6", null, false, null, "DE", 24940L,
        "Hetzner Online GmbH", null));
  }

  @Test
  void enrich_offline_asksNoDns() throws IOException {
    SourceEnricher e = enricher(EnrichOptions.offline(), dns, ipinfo());
    SourceInfo info = e.enrich("40.107.22.45");
    assertThat(info.reverseDns()).isNull();
    assertThat(info.asn()).isEqualTo(8075L);
    assertThat(info.sender()).as("an ASN alone names no sender").isNull();
    assertThat(zone.queries()).isEmpty();
  }

  @Test
  void enrich_offlineWithoutDnsClient_allowed() {
    SourceEnricher e = new SourceEnricher(EnrichOptions.offline(), null, IpDatabase.none(),
        SenderCatalogue.bundled(), PublicSuffixes.bundled());
    open.add(e);
    assertThat(e.enrich("192.0.2.1")).isEqualTo(SourceInfo.bare("192.0.2.1"));
  }

  @Test
  void constructor_reverseDnsWithoutClient_rejected() {
    assertThatThrownBy(() -> new SourceEnricher(EnrichOptions.defaults(), null, IpDatabase.none(),
        SenderCatalogue.bundled(), PublicSuffixes.bundled()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void enrich_secondCall_servedFromCache() {
    SourceEnricher e = enricher(EnrichOptions.defaults(), dns, IpDatabase.none());
    e.enrich("40.107.22.45");
    int asked = zone.queries().size();
    assertThat(e.enrich("40.107.22.45").reverseDns()).isNotNull();
    assertThat(zone.queries()).hasSize(asked);
    assertThat(asked).isEqualTo(2); // PTR, then A to confirm
  }

  @Test
  void enrich_cacheIsBounded() {
    SourceEnricher e = enricher(EnrichOptions.defaults().withCacheSize(2), dns, IpDatabase.none());
    for (String ip : List.of("192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4")) {
      e.enrich(ip);
    }
    assertThat(e.cachedCount()).isEqualTo(2);
  }

  @Test
  void enrich_temporaryDnsFailure_notCached() {
    SourceEnricher e = enricher(EnrichOptions.defaults(), dns, IpDatabase.none());
    assertThat(e.enrich("198.51.9.9").reverseDns()).isNull();
    assertThat(e.cachedCount()).isZero();
  }

  @Test
  void enrich_slowDns_timesOutWithDatabaseFieldsAndRetriesLater() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    DnsClient slow = (name, type) -> {
      calls.incrementAndGet();
      try {
        Thread.sleep(5_000);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
      return dns.lookup(name, type);
    };
    SourceEnricher e = enricher(EnrichOptions.defaults().withTimeout(Duration.ofMillis(100)), slow,
        ipinfo());
    long start = System.nanoTime();
    SourceInfo info = e.enrich("40.107.22.45");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(info.reverseDns()).isNull();
    assertThat(info.country()).isEqualTo("US");
    assertThat(e.cachedCount()).isZero();
    e.enrich("40.107.22.45");
    assertThat(calls.get()).isEqualTo(2);
  }

  @Test
  void enrichAll_runsAtMostThreadsLookupsAtOnce() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    DnsClient counting = (name, type) -> {
      peak.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        Thread.sleep(20);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
      running.decrementAndGet();
      return dns.lookup(name, type);
    };
    SourceEnricher e = enricher(EnrichOptions.defaults().withThreads(3), counting, IpDatabase.none());
    List<String> ips = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      ips.add("192.0.2." + i);
    }
    ips.add("192.0.2.1");
    Map<String, SourceInfo> all = e.enrichAll(ips);
    assertThat(all).hasSize(30);
    assertThat(all.keySet()).first().isEqualTo("192.0.2.1");
    assertThat(peak.get()).isBetween(2, 3);
  }

  @Test
  void enrich_invalidAddress_bareWithoutLookups() {
    SourceEnricher e = enricher(EnrichOptions.defaults(), dns, IpDatabase.none());
    assertThat(e.enrich("not-an-ip")).isEqualTo(SourceInfo.bare("not-an-ip"));
    assertThat(e.enrich("1.2.3")).isEqualTo(SourceInfo.bare("1.2.3"));
    assertThat(zone.queries()).isEmpty();
  }

  @Test
  void enrich_sameAddressOtherSpelling_sharesLookupKeepsSpelling() {
    SourceEnricher e = enricher(EnrichOptions.defaults(), dns, IpDatabase.none());
    e.enrich("2a00:1450:4864:20::52d");
    SourceInfo other = e.enrich("2a00:1450:4864:0020:0:0:0:52d");
    assertThat(other.ip()).isEqualTo("2a00:1450:4864:0020:0:0:0:52d");
    assertThat(other.reverseDns()).isEqualTo("mail-wr1-x42d.google.com");
    assertThat(zone.queries()).hasSize(2);
  }
}
