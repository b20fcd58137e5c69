package dev.vigie.ingest.imap;

import dev.vigie.ingest.IngestResult;

/** Where a message goes once the sink has stored it. */
enum Disposition {
  /** It held at least one report (new or already known). */
  ARCHIVE,
  /** It held no report at all: only documents that failed to parse, or nothing. */
  INVALID;

  /**
   * Same bytes received before ({@code alreadyArchived}) with nothing counted again is most likely
   * a re-delivery after a crash between storing and moving, so it follows the archive path unless
   * the sink says the bytes were quarantined.
   */
  static Disposition of(IngestResult r) {
    boolean noReport = r.reports() == 0 && r.duplicates() == 0;
    return noReport && (r.quarantined() > 0 || !r.alreadyArchived()) ? INVALID : ARCHIVE;
  }
}
