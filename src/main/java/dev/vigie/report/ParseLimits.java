package dev.vigie.report;

/**
 * Bounds that keep hostile input from exhausting memory or time. Each has a sane default; the CLI
 * exposes them as options.
 *
 * @param maxInputBytes largest single file, message or container member read into memory
 * @param maxInflatedBytes largest output of one gzip stream or zip member
 * @param maxInflateRatio inflated/compressed ratio above which a member is treated as a bomb (only
 *     checked once the output passes 1 MiB, since small XML compresses very well)
 * @param maxNesting containers inside containers (mbox → email → zip → xml is 3)
 * @param maxZipEntries members read from one zip
 * @param maxMimeParts parts read from one email
 * @param maxRecords records in one aggregate report
 * @param maxXmlDepth element nesting in one XML document
 * @param maxFieldLength characters in one text field or attribute value
 */
public record ParseLimits(
    long maxInputBytes,
    long maxInflatedBytes,
    int maxInflateRatio,
    int maxNesting,
    int maxZipEntries,
    int maxMimeParts,
    int maxRecords,
    int maxXmlDepth,
    int maxFieldLength) {

  public static final long MIB = 1024L * 1024;

  public static ParseLimits defaults() {
    return new ParseLimits(256 * MIB, 128 * MIB, 300, 4, 64, 256, 2_000_000, 32, 64 * 1024);
  }

  public ParseLimits {
    if (maxInputBytes <= 0 || maxInflatedBytes <= 0 || maxInflateRatio <= 0 || maxNesting < 0
        || maxZipEntries <= 0 || maxMimeParts <= 0 || maxRecords <= 0 || maxXmlDepth <= 0
        || maxFieldLength <= 0) {
      throw new IllegalArgumentException("parse limits must be positive");
    }
  }
}
