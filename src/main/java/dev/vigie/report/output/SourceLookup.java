package dev.vigie.report.output;

import dev.vigie.enrich.SourceInfo;
import dev.vigie.report.aggregate.AggregateReport;
import java.util.Map;

/**
 * Enrichment for the source fields of the output (country, reverse_dns, base_domain, name, type):
 * given a report, what is known of each of its source IPs. Called on the rendering threads.
 */
@FunctionalInterface
public interface SourceLookup {
  Map<String, SourceInfo> sources(AggregateReport report);

  /** No enrichment: the source fields stay null, as parsedmarc's offline output. */
  SourceLookup NONE = r -> Map.of();
}
