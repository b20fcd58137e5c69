package dev.vigie.road;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * DMARC compliance over a period: one point per day (days without reports included, at zero, so
 * charts keep their time axis), the totals, and the split by source class.
 *
 * @param passPercent DMARC-pass messages over all messages, 0–100; 0 when there were none
 */
public record Compliance(
    Period period, List<Day> days, long messages, long pass, double passPercent, ClassSplit byClass) {

  public Compliance {
    days = List.copyOf(days);
  }

  /** One day. */
  public record Day(LocalDate date, long messages, long pass, double passPercent,
      ClassSplit byClass) {}

  public static Compliance of(Period period, List<DailyRow> rows) {
    Map<LocalDate, long[]> totals = new TreeMap<>();
    Map<LocalDate, ClassSplit> splits = new TreeMap<>();
    for (DailyRow r : rows) {
      if (!period.contains(r.date())) {
        continue;
      }
      long[] t = totals.computeIfAbsent(r.date(), d -> new long[2]);
      t[0] += r.messages();
      t[1] += r.pass();
      splits.merge(r.date(), ClassSplit.EMPTY.plus(r.sourceClass(), r.messages()), Compliance::add);
    }
    List<Day> days = new ArrayList<>();
    long messages = 0;
    long pass = 0;
    ClassSplit all = ClassSplit.EMPTY;
    for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
      long[] t = totals.getOrDefault(d, new long[2]);
      ClassSplit s = splits.getOrDefault(d, ClassSplit.EMPTY);
      days.add(new Day(d, t[0], t[1], percent(t[1], t[0]), s));
      messages += t[0];
      pass += t[1];
      all = add(all, s);
    }
    return new Compliance(period, days, messages, pass, percent(pass, messages), all);
  }

  /** Days that had at least one message. */
  public long daysWithData() {
    return days.stream().filter(d -> d.messages() > 0).count();
  }

  static ClassSplit add(ClassSplit a, ClassSplit b) {
    return new ClassSplit(a.authorisedPassing() + b.authorisedPassing(),
        a.authorisedFailing() + b.authorisedFailing(), a.forwarded() + b.forwarded(),
        a.unknownOrImpostor() + b.unknownOrImpostor(), a.unclassified() + b.unclassified());
  }

  /** part/whole in percent, rounded to one decimal; 0 when whole is 0. */
  public static double percent(long part, long whole) {
    return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 10.0;
  }
}
