package dev.vigie.road;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResultCacheTest {
  /** A clock the test moves. */
  private static final class MovingClock extends Clock {
    Instant now = Instant.parse("2026-11-23T10:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final MovingClock clock = new MovingClock();
  private final ResultCache cache = new ResultCache(Duration.ofSeconds(30), clock);
  private final AtomicInteger computed = new AtomicInteger();

  private int answer() {
    return cache.get("overview", computed::incrementAndGet);
  }

  @Test
  void pastItsTime_anAnswerIsServedWhileOneRefreshReplacesIt() throws Exception {
    assertThat(answer()).isEqualTo(1);
    clock.now = clock.now.plusSeconds(10);
    assertThat(answer()).isEqualTo(1); // fresh: no query
    clock.now = clock.now.plusSeconds(25);
    assertThat(answer()).isEqualTo(1); // stale: served at once, refreshed in the background
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (computed.get() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    Thread.sleep(20);
    assertThat(computed.get()).isEqualTo(2);
    assertThat(answer()).isEqualTo(2);
  }

  @Test
  void longUnread_orCleared_isComputedWhileTheCallerWaits() {
    assertThat(answer()).isEqualTo(1);
    clock.now = clock.now.plus(Duration.ofMinutes(10)); // ten times its time, unread
    assertThat(answer()).isEqualTo(2);
    cache.clear(); // new reports stored
    assertThat(answer()).isEqualTo(3);
  }
}
