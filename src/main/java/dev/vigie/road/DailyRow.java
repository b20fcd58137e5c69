package dev.vigie.road;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Messages of one day and one source class (summed from the rollups).
 *
 * @param sourceClass a {@link dev.vigie.enrich.SourceClass} name; null when not classified
 * @param pass messages that passed DMARC (aligned DKIM or SPF pass in policy_evaluated)
 */
public record DailyRow(LocalDate date, @Nullable String sourceClass, long messages, long pass) {}
