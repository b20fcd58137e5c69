package dev.vigie.cli;

import dev.vigie.dns.psl.PublicSuffixes;
import dev.vigie.enrich.EnrichOptions;
import dev.vigie.enrich.InvalidIpDatabaseException;
import dev.vigie.enrich.IpDatabase;
import dev.vigie.enrich.SenderCatalogue;
import dev.vigie.enrich.SourceEnricher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How commands that store reports enrich their sources. The sender catalogue and classification
 * always apply (offline); reverse DNS and an IP database are asked for, so that ingesting works on
 * a machine without network and gives the same answer twice.
 */
final class EnrichmentOptions {
  @Option(names = "--reverse-dns",
      description = "Look up each new source's PTR name (forward-confirmed, cached, 5 s at most"
          + " per address) through --resolver or the system's resolver.")
  boolean reverseDns;

  @Option(names = "--ip-db", paramLabel = "MMDB",
      description = "MaxMind-format country/ASN database (GeoLite2, IPinfo Lite, DB-IP); repeatable.")
  List<Path> ipDatabases = new ArrayList<>();

  @Mixin DnsOptions dnsOptions;

  SourceEnricher enricher() throws InvalidIpDatabaseException {
    return new SourceEnricher(EnrichOptions.defaults().withReverseDns(reverseDns),
        reverseDns ? dnsOptions.client() : null, IpDatabase.open(ipDatabases),
        SenderCatalogue.bundled(), PublicSuffixes.bundled());
  }
}
