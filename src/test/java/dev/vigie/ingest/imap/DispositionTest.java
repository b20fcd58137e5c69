package dev.vigie.ingest.imap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.ingest.IngestResult;
import org.junit.jupiter.api.Test;

class DispositionTest {
  @Test
  void of_newReport_archive() {
    assertThat(Disposition.of(new IngestResult("a", false, 1, 0, 0)))
        .isEqualTo(Disposition.ARCHIVE);
  }

  @Test
  void of_reportAndQuarantinedAttachment_archive() {
    assertThat(Disposition.of(new IngestResult("a", false, 1, 0, 2)))
        .isEqualTo(Disposition.ARCHIVE);
  }

  @Test
  void of_onlyDuplicateReports_archive() {
    assertThat(Disposition.of(new IngestResult("a", false, 0, 3, 0)))
        .isEqualTo(Disposition.ARCHIVE);
  }

  @Test
  void of_onlyQuarantined_invalid() {
    assertThat(Disposition.of(new IngestResult("a", false, 0, 0, 1)))
        .isEqualTo(Disposition.INVALID);
  }

  @Test
  void of_nothingFound_invalid() {
    assertThat(Disposition.of(new IngestResult("a", false, 0, 0, 0)))
        .isEqualTo(Disposition.INVALID);
  }

  @Test
  void of_sameBytesAgainNothingCounted_archive() {
    assertThat(Disposition.of(new IngestResult("a", true, 0, 0, 0)))
        .isEqualTo(Disposition.ARCHIVE);
  }
}
