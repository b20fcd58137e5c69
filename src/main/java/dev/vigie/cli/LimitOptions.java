package dev.vigie.cli;

import dev.vigie.report.ParseLimits;
import picocli.CommandLine.Option;

/** The parse limits as command-line options, defaulting to {@link ParseLimits#defaults()}. */
final class LimitOptions {
  private static final ParseLimits D = ParseLimits.defaults();

  @Option(names = "--max-input-mb", paramLabel = "MB",
      description = "Largest file, email or part read (default ${DEFAULT-VALUE}).")
  long maxInputMb = D.maxInputBytes() / ParseLimits.MIB;

  @Option(names = "--max-inflated-mb", paramLabel = "MB",
      description = "Largest output of one gzip stream or zip member (default ${DEFAULT-VALUE}).")
  long maxInflatedMb = D.maxInflatedBytes() / ParseLimits.MIB;

  @Option(names = "--max-ratio", paramLabel = "N",
      description = "Largest inflate ratio before a member counts as a bomb (default ${DEFAULT-VALUE}).")
  int maxRatio = D.maxInflateRatio();

  @Option(names = "--max-nesting", paramLabel = "N",
      description = "Containers inside containers (default ${DEFAULT-VALUE}).")
  int maxNesting = D.maxNesting();

  @Option(names = "--max-records", paramLabel = "N",
      description = "Records in one aggregate report (default ${DEFAULT-VALUE}).")
  int maxRecords = D.maxRecords();

  @Option(names = "--max-field-length", paramLabel = "N",
      description = "Characters in one XML field (default ${DEFAULT-VALUE}).")
  int maxField = D.maxFieldLength();

  ParseLimits toLimits() {
    return new ParseLimits(maxInputMb * ParseLimits.MIB, maxInflatedMb * ParseLimits.MIB, maxRatio,
        maxNesting, D.maxZipEntries(), D.maxMimeParts(), maxRecords, D.maxXmlDepth(), maxField);
  }
}
