package dev.vigie.store;

import dev.vigie.report.extract.ParseOutcome;
import java.util.List;

/**
 * What one received message holds, ready to write: its aggregate reports staged for bulk loading,
 * and everything else (failure and TLS reports, parse failures) as parsed.
 */
record StagedMessage(String sha, List<ParseOutcome> others, List<StagedAggregate> aggregates) {}
