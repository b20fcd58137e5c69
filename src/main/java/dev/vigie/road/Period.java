package dev.vigie.road;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A range of UTC days, both ends included (report days are UTC days, as in the rollups). */
public record Period(LocalDate from, LocalDate to) {
  public Period {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("period ends (" + to + ") before it starts (" + from + ")");
    }
  }

  /** The {@code days} days ending today (UTC), today included. */
  public static Period lastDays(int days, Clock clock) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    return new Period(today.minusDays(days - 1L), today);
  }

  public long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  public boolean contains(LocalDate d) {
    return !d.isBefore(from) && !d.isAfter(to);
  }
}
