package dev.vigie.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written number formats read exactly as String.format's, in both languages. */
class MessagesFormatTest {
  @Test
  void num_matchesStringFormat() {
    Random r = new Random(7);
    for (String lang : Messages.LANGUAGES) {
      Messages m = Messages.of(lang);
      long[] fixed = {0, 1, -1, 999, 1000, -1000, 12_345, 999_999, 1_000_000, Long.MAX_VALUE,
          Long.MIN_VALUE + 1};
      for (long n : fixed) {
        assertThat(m.num(n)).as(lang + " " + n).isEqualTo(String.format(m.locale(), "%,d", n));
      }
      for (int i = 0; i < 10_000; i++) {
        long n = r.nextLong() >> r.nextInt(64);
        assertThat(m.num(n)).as(lang + " " + n).isEqualTo(String.format(m.locale(), "%,d", n));
      }
    }
  }

  @Test
  void pct_matchesStringFormat() {
    Random r = new Random(7);
    for (String lang : Messages.LANGUAGES) {
      Messages m = Messages.of(lang);
      double[] fixed = {0, 100, 99.94, 99.96, 12.25, 0.04, 50};
      for (double p : fixed) {
        assertThat(m.pct(p)).as(lang + " " + p).isEqualTo(String.format(m.locale(), "%.1f %%", p));
      }
      for (int i = 0; i < 10_000; i++) {
        // percentages as the dashboards compute them: a ratio of two counts
        long total = 1 + r.nextInt(1_000_000);
        double p = 100.0 * r.nextInt((int) total + 1) / total;
        assertThat(m.pct(p)).as(lang + " " + p).isEqualTo(String.format(m.locale(), "%.1f %%", p));
      }
    }
  }
}
