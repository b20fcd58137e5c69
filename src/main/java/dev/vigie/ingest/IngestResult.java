package dev.vigie.ingest;

/**
 * What one ingested byte sequence (a file, an email) turned into.
 *
 * @param sha256 the archive key of the raw bytes (hex)
 * @param alreadyArchived these exact bytes had been received before: nothing was counted again
 * @param reports reports stored for the first time
 * @param duplicates reports already stored from other bytes (another MX, a re-sent copy)
 * @param quarantined documents that failed to parse, kept with their reason
 * @param records aggregate records stored (those of the new reports)
 */
public record IngestResult(String sha256, boolean alreadyArchived, int reports, int duplicates,
    int quarantined, long records) {

  /** A result whose records nobody counted (sinks other than the store). */
  public IngestResult(String sha256, boolean alreadyArchived, int reports, int duplicates,
      int quarantined) {
    this(sha256, alreadyArchived, reports, duplicates, quarantined, 0);
  }
}
