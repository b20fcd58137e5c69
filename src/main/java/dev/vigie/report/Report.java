package dev.vigie.report;

import java.util.List;

/** A parsed report of any kind, with the input it came from and the recoveries made while reading it. */
public interface Report {
  /** Where the report came from: the file, then each container member, joined by {@code " > "}. */
  String origin();

  ReportKind kind();

  /** Every leniency applied while reading this report, in plain words. Never silently swallowed. */
  List<String> warnings();
}
