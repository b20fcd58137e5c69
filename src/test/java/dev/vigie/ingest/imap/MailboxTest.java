package dev.vigie.ingest.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MailboxTest {
  @Test
  void uidSet_consecutiveUids_writtenAsRanges() {
    assertThat(Mailbox.uidSet(List.of(3L, 4L, 5L, 6L, 7L, 9L, 12L, 13L)))
        .isEqualTo("3:7,9,12:13");
  }

  @Test
  void uidSet_singleUid_plainNumber() {
    assertThat(Mailbox.uidSet(List.of(42L))).isEqualTo("42");
  }
}
