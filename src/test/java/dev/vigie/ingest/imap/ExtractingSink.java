package dev.vigie.ingest.imap;

import dev.vigie.ingest.IngestResult;
import dev.vigie.ingest.RawSink;
import dev.vigie.ingest.Source;
import dev.vigie.report.ParseLimits;
import dev.vigie.report.extract.ParseOutcome;
import dev.vigie.report.extract.ReportExtractor;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A {@link RawSink} that runs the real report extractor on what it receives and remembers it in
 * memory (the durable store is another part of Vigie). It can be told to fail on some inputs, as a
 * full disk or a lost database would.
 */
final class ExtractingSink implements RawSink {
  private final ReportExtractor extractor = new ReportExtractor(ParseLimits.defaults());
  private final Set<String> seen = new HashSet<>();
  private final List<Source> sources = new ArrayList<>();
  private Predicate<byte[]> failing = raw -> false;
  private int calls;

  /** Throws (once per matching input) instead of storing inputs that match. */
  synchronized void failOnce(Predicate<byte[]> which) {
    Set<String> failed = new HashSet<>();
    failing = raw -> which.test(raw) && failed.add(sha256(raw));
  }

  @Override
  public synchronized IngestResult ingest(byte[] raw, Source source) {
    calls++;
    if (failing.test(raw)) {
      throw new IllegalStateException("archive disk full (simulated)");
    }
    String sha = sha256(raw);
    boolean again = !seen.add(sha);
    int[] counts = new int[2];
    extractor.extract(source.name(), raw, 0,
        o -> counts[o instanceof ParseOutcome.Parsed ? 0 : 1]++);
    sources.add(source);
    return again ? new IngestResult(sha, true, 0, 0, 0)
        : new IngestResult(sha, false, counts[0], 0, counts[1]);
  }

  /** Inputs stored (not failed), including repeats. */
  synchronized List<Source> sources() {
    return List.copyOf(sources);
  }

  /** Distinct inputs stored. */
  synchronized int distinct() {
    return seen.size();
  }

  synchronized int calls() {
    return calls;
  }

  static String sha256(byte[] raw) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
