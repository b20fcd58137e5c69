package dev.vigie.report.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.vigie.enrich.SenderCatalogue;
import dev.vigie.enrich.SourceInfo;
import dev.vigie.report.ParseLimits;
import dev.vigie.report.aggregate.AggregateRecord;
import dev.vigie.report.aggregate.AggregateReport;
import dev.vigie.report.aggregate.PolicyPublished;
import dev.vigie.report.aggregate.ReportMetadata;
import dev.vigie.report.extract.ParseOutcome;
import dev.vigie.report.extract.ReportExtractor;
import dev.vigie.testing.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The JSON lines template writes exactly the bytes Jackson writes for the same report without a
 * pretty printer: over every aggregate sample, with and without enrichment, and over text that
 * needs escaping.
 */
class AggregateReportLineTest {
  private static byte[] jackson(AggregateReport r, SourceLookup lookup) throws IOException {
    ByteArrayBuilder buf = new ByteArrayBuilder();
    try (JsonGenerator g = ReportJson.generator(buf)) {
      new AggregateReportJson(lookup).write(g, r);
    }
    return buf.toByteArray();
  }

  private static byte[] template(AggregateReport r, SourceLookup lookup) throws IOException {
    JsonBytes out = new JsonBytes(16);
    new AggregateReportLine(lookup).write(out, r);
    return out.toByteArray();
  }

  private static void assertSameBytes(AggregateReport r, SourceLookup lookup) throws IOException {
    byte[] expected = jackson(r, lookup);
    byte[] actual = template(r, lookup);
    int at = java.util.Arrays.mismatch(expected, actual);
    if (at >= 0) { // where they part, not two pages of JSON
      int from = Math.max(0, at - 60);
      throw new AssertionError("differs from Jackson at byte " + at + " of report " + r.origin()
          + ":\n Jackson:  " + slice(expected, from, at + 40)
          + "\n template: " + slice(actual, from, at + 40));
    }
  }

  private static String slice(byte[] b, int from, int to) {
    return new String(b, from, Math.max(0, Math.min(b.length, to) - from), StandardCharsets.UTF_8);
  }

  private static List<AggregateReport> samples() throws IOException {
    ReportExtractor extractor = new ReportExtractor(ParseLimits.defaults());
    List<AggregateReport> reports = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Samples.root())) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        extractor.extract(f.toString(), Files.readAllBytes(f), 0, o -> {
          if (o instanceof ParseOutcome.Parsed p && p.report() instanceof AggregateReport a) {
            reports.add(a);
          }
        });
      }
    }
    return reports;
  }

  @Test
  void everyAggregateSample_sameBytesAsJackson() throws IOException {
    List<AggregateReport> reports = samples();
    assertThat(reports).hasSizeGreaterThan(20);
    int records = 0;
    for (AggregateReport r : reports) {
      assertSameBytes(r, SourceLookup.NONE);
      records += r.records().size();
    }
    assertThat(records).isGreaterThan(100);
  }

  @Test
  void enrichedSources_sameBytesAsJackson() throws IOException {
    var sender = SenderCatalogue.bundled().senders().get(0);
    SourceLookup lookup = r -> {
      java.util.Map<String, SourceInfo> m = new java.util.HashMap<>();
      for (AggregateRecord rec : r.records()) {
        m.put(rec.sourceIp(), rec.count() % 2 == 0
            ? SourceInfo.bare(rec.sourceIp())
            : new SourceInfo(rec.sourceIp(), "mail.example.com", true, "example.com", "FR",
                64496L, "Example AS", sender));
      }
      return m;
    };
    for (AggregateReport r : samples()) {
      assertSameBytes(r, lookup);
    }
  }

  @Test
  void textNeedingEscapes_sameBytesAsJackson() throws IOException {
    StringBuilder every = new StringBuilder();
    for (char c = 0; c < 0x800; c++) {
      every.append(c);
    }
    every.append("\uFFFD\u2028\uD83D\uDE00 end"); // a replacement char, a line separator, an emoji
    Random random = new Random(7);
    List<String> texts = new ArrayList<>(List.of(every.toString(), "", "\"quoted\" \\path\\",
        "tab\there\r\nnew line", "café ünïcödé 日本語", "\u007F\u0080\u00FF"));
    for (int i = 0; i < 500; i++) {
      StringBuilder s = new StringBuilder();
      for (int j = random.nextInt(40); j > 0; j--) {
        int cp = switch (random.nextInt(4)) {
          case 0 -> random.nextInt(0x20);
          case 1 -> 0x20 + random.nextInt(0x60);
          case 2 -> 0x80 + random.nextInt(0xD700);
          default -> 0x10000 + random.nextInt(0x10000);
        };
        s.appendCodePoint(cp);
      }
      texts.add(s.toString());
    }
    for (String text : texts) {
      assertSameBytes(report(text), SourceLookup.NONE);
    }
  }

  @Test
  void surrogates_escapedLikeJackson() throws IOException {
    for (String text : List.of("lone \uD800 high", "lone \uDC00 low", "\uDBFF\uDFFF pair",
        "reversed \uDE00\uD83D", "end \uD83D")) {
      assertSameBytes(report(text), SourceLookup.NONE);
    }
    assertThat(new String(template(report("a\uD83D\uDE00"), SourceLookup.NONE),
        StandardCharsets.US_ASCII)).contains("\"a\\uD83D\\uDE00\"");
  }

  @Test
  void bigCountsAndEmptyLists() throws IOException {
    AggregateReport r = report("x");
    AggregateRecord rec = r.records().get(0);
    AggregateRecord big = new AggregateRecord(rec.sourceIp(), 9_876_543_210L, "none", "pass",
        "fail", List.of(), rec.headerFrom(), null, null, List.of(), List.of(),
        rec.intervalBegin(), rec.intervalEnd(), false);
    AggregateReport withBig = new AggregateReport(r.origin(), List.of(), r.xmlSchema(), null,
        r.metadata(), r.policy(), List.of(big, rec, big));
    assertSameBytes(withBig, SourceLookup.NONE);
    assertThat(new String(template(withBig, SourceLookup.NONE), StandardCharsets.UTF_8))
        .contains("\"count\":9876543210,");
  }

  /** A report with {@code text} in every free-text field. */
  private static AggregateReport report(String text) {
    Instant begin = Instant.parse("2026-11-01T00:00:00Z");
    Instant end = Instant.parse("2026-11-01T23:59:59Z");
    AggregateRecord rec = new AggregateRecord("192.0.2.1", 3, "none", "pass", "fail",
        List.of(new AggregateRecord.PolicyOverride("forwarded", text),
            new AggregateRecord.PolicyOverride("local_policy", null)),
        text, text, null,
        List.of(new AggregateRecord.DkimResult("example.com", text, "pass", text),
            new AggregateRecord.DkimResult("example.net", "s1", "fail", null)),
        List.of(new AggregateRecord.SpfResult(text, "mfrom", "softfail", null)),
        begin, end, false);
    return new AggregateReport(text, List.of(text, "second"), "draft", text,
        new ReportMetadata(text, text, null, text, begin, end, List.of(text), text),
        new PolicyPublished(text, "r", "s", "reject", null, "100", text, null, text, null),
        List.of(rec, rec));
  }
}
