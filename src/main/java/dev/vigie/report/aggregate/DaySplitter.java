package dev.vigie.report.aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a record of a report covering more than a day into one record per UTC day, sharing its
 * count in proportion to the seconds of each day covered, with largest-remainder rounding so the
 * parts add up exactly to the original count (parsedmarc's {@code _bucket_interval_by_day}).
 */
final class DaySplitter {
  private static final long DAY = 86_400;

  private DaySplitter() {}

  static void split(AggregateRecord r, Instant begin, Instant end, List<AggregateRecord> out) {
    long b = begin.getEpochSecond();
    long e = end.getEpochSecond();
    long total = e - b;
    if (total <= 0 || r.count() == 0) {
      return;
    }
    List<long[]> days = new ArrayList<>();
    for (long day = Math.floorDiv(b, DAY) * DAY; day < e; day += DAY) {
      long from = Math.max(b, day);
      long to = Math.min(e, day + DAY);
      if (to > from) {
        days.add(new long[] {from, to});
      }
    }
    int n = days.size();
    long[] counts = new long[n];
    double[] fractions = new double[n];
    long assigned = 0;
    for (int i = 0; i < n; i++) {
      double exact = (double) (days.get(i)[1] - days.get(i)[0]) / total * r.count();
      counts[i] = (long) exact;
      fractions[i] = exact - counts[i];
      assigned += counts[i];
    }
    for (long rest = r.count() - assigned; rest > 0; rest--) {
      int best = 0;
      for (int i = 1; i < n; i++) {
        if (fractions[i] > fractions[best]) {
          best = i;
        }
      }
      counts[best]++;
      fractions[best] = -1;
    }
    for (int i = 0; i < n; i++) {
      if (counts[i] > 0) {
        out.add(r.withInterval(counts[i], Instant.ofEpochSecond(days.get(i)[0]),
            Instant.ofEpochSecond(days.get(i)[1])));
      }
    }
  }
}
