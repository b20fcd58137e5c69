package dev.vigie.ingest.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void next_doublesUpToMaximum_resetStartsOver() {
    Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5));

    assertThat(b.next()).isEqualTo(Duration.ofSeconds(1));
    assertThat(b.next()).isEqualTo(Duration.ofSeconds(2));
    assertThat(b.next()).isEqualTo(Duration.ofSeconds(4));
    assertThat(b.next()).isEqualTo(Duration.ofSeconds(5));
    assertThat(b.next()).isEqualTo(Duration.ofSeconds(5));
    b.reset();
    assertThat(b.next()).isEqualTo(Duration.ofSeconds(1));
  }
}
