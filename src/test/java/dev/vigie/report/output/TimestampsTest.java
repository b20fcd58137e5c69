package dev.vigie.report.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimestampsTest {
  @Test
  void format_matchesIsoInstant_inAnyOrderOfRepeats() {
    Timestamps ts = new Timestamps();
    Random r = new Random(3);
    Instant[] pool = new Instant[5];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = Instant.ofEpochSecond(r.nextLong(0, 4_102_444_800L));
    }
    for (int i = 0; i < 10_000; i++) {
      // pairs (begin, end) repeated, then a new pair now and then
      Instant t = pool[i % 2 == 0 ? r.nextInt(2) * 2 : r.nextInt(pool.length)];
      assertThat(ts.format(t)).isEqualTo(
          DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS)));
    }
  }
}
