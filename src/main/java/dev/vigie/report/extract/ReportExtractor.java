package dev.vigie.report.extract;

import dev.vigie.report.InvalidReportException;
import dev.vigie.report.ParseLimits;
import dev.vigie.report.aggregate.AggregateParser;
import dev.vigie.report.failure.FailureReportParser;
import dev.vigie.report.mail.MailMessage;
import dev.vigie.report.mail.MailPart;
import dev.vigie.report.mail.MailReader;
import dev.vigie.report.tlsrpt.TlsReportParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Finds every report in an input, whatever it is wrapped in, recognising each layer by its content
 * and never by its file name: gzip, zip (every member), MIME email, mbox, or the report itself
 * (XML aggregate, JSON TLS-RPT). Pure: bytes in, outcomes out.
 *
 * <p>One bad document never stops the others: each becomes a {@link ParseOutcome.Failed} naming
 * where it sits ({@code file > member}) and why.
 */
public final class ReportExtractor {
  private final ParseLimits limits;
  private final AggregateParser aggregate;
  private final MailReader mail;
  private final FailureReportParser failure;
  private final ThreadLocal<Gunzip> gunzip = ThreadLocal.withInitial(Gunzip::new);

  public ReportExtractor(ParseLimits limits) {
    this.limits = limits;
    this.aggregate = new AggregateParser(limits);
    this.mail = new MailReader(limits);
    this.failure = new FailureReportParser(limits);
  }

  public ParseLimits limits() {
    return limits;
  }

  /** Reads a whole input stream (one file) and emits what it holds. mbox input is streamed. */
  public void extract(String origin, InputStream in, Consumer<ParseOutcome> sink) {
    byte[] head;
    try {
      in = in.markSupported() ? in : new java.io.BufferedInputStream(in, 65536);
      in.mark(8);
      head = in.readNBytes(5);
      in.reset();
    } catch (IOException e) {
      sink.accept(new ParseOutcome.Failed(origin, "cannot be read: " + BoundedReader.describe(e)));
      return;
    }
    if (Sniffer.isMbox(head, head.length)) {
      MboxSplitter.split(origin, in, limits, (name, message) -> extract(name, message, 1, sink),
          sink);
      return;
    }
    byte[] all;
    try {
      all = BoundedReader.readAll(in, limits.maxInputBytes(), "the input", -1, 0);
    } catch (InvalidReportException e) {
      sink.accept(new ParseOutcome.Failed(origin, e.getMessage()));
      return;
    }
    extract(origin, all, 0, sink);
  }

  /** Emits the reports in one in-memory document found at {@code depth} containers down. */
  public void extract(String origin, byte[] data, int depth, Consumer<ParseOutcome> sink) {
    try {
      dispatch(origin, data, depth, sink);
    } catch (InvalidReportException e) {
      sink.accept(new ParseOutcome.Failed(origin, e.getMessage()));
    } catch (RuntimeException | StackOverflowError e) {
      // A parser bug must not stop the batch; say what happened without a stack trace.
      sink.accept(new ParseOutcome.Failed(origin, "could not be parsed (" + e + ")"));
    }
  }

  private void dispatch(String origin, byte[] data, int depth, Consumer<ParseOutcome> sink) {
    Sniffer.Kind kind = Sniffer.sniff(data);
    if (kind.isContainer() && depth >= limits.maxNesting()) {
      throw new InvalidReportException("containers are nested more than " + limits.maxNesting()
          + " levels deep");
    }
    switch (kind) {
      case EMPTY -> throw new InvalidReportException("is empty (0 bytes)");
      case GZIP -> extract(origin + " > gunzip", gunzip(data), depth + 1, sink);
      case ZIP -> unzip(origin, data, depth, sink);
      case XML -> sink.accept(new ParseOutcome.Parsed(aggregate.parse(data, origin)));
      case JSON -> sink.accept(
          new ParseOutcome.Parsed(TlsReportParser.parse(data, origin, limits)));
      case MBOX -> MboxSplitter.split(origin, new ByteArrayInputStream(data), limits,
          (name, message) -> extract(name, message, depth + 1, sink), sink);
      case EMAIL -> email(origin, data, depth, sink);
      case UNKNOWN -> throw new InvalidReportException(
          "is not a recognized report format (neither XML, JSON, gzip, zip, email nor mbox;"
              + " starts with " + Sniffer.describeStart(data) + ")");
    }
  }

  private byte[] gunzip(byte[] data) {
    return gunzip.get().inflate(data, limits.maxInflatedBytes(), limits.maxInflateRatio());
  }

  private void unzip(String origin, byte[] data, int depth, Consumer<ParseOutcome> sink) {
    CountingInputStream counted = new CountingInputStream(new ByteArrayInputStream(data));
    int members = 0;
    try (ZipInputStream zip = new ZipInputStream(counted)) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        if (e.isDirectory()) {
          continue;
        }
        String member = origin + " > " + e.getName();
        if (++members > limits.maxZipEntries()) {
          throw new InvalidReportException(
              "the zip archive has more than " + limits.maxZipEntries() + " members");
        }
        if (e.getSize() > limits.maxInflatedBytes()) {
          sink.accept(new ParseOutcome.Failed(member, "declares " + BoundedReader.human(e.getSize())
              + " uncompressed, over the " + BoundedReader.human(limits.maxInflatedBytes())
              + " limit"));
          // Stop here: ZipInputStream can only skip a member by inflating all of it (gigabytes for
          // a bomb, repeated per member), and a header that lies fails the size check when skipped.
          return;
        }
        long before = counted.count();
        byte[] content;
        try {
          content = BoundedReader.readAll(zip, limits.maxInflatedBytes(), "the zip member",
              Math.max(1, data.length - before), limits.maxInflateRatio(), e.getSize());
        } catch (InvalidReportException ex) {
          sink.accept(new ParseOutcome.Failed(member, ex.getMessage()));
          // A bomb or a broken member: the rest of the stream can't be trusted.
          return;
        }
        extract(member, content, depth + 1, sink);
      }
    } catch (ZipException ex) {
      throw new InvalidReportException("is a corrupt zip archive: " + ex.getMessage(), ex);
    } catch (IOException ex) {
      throw new InvalidReportException(
          "is a corrupt zip archive: " + BoundedReader.describe(ex), ex);
    }
    if (members == 0) {
      throw new InvalidReportException("is a zip archive with no files in it");
    }
  }

  private void email(String origin, byte[] data, int depth, Consumer<ParseOutcome> sink) {
    MailMessage m = mail.read(data);
    if (FailureReportParser.looksLikeFailureReport(m)) {
      sink.accept(new ParseOutcome.Parsed(failure.parse(m, origin)));
      return;
    }
    byte[] tls = TlsReportParser.reportBytes(m, limits);
    if (tls != null) {
      sink.accept(new ParseOutcome.Parsed(TlsReportParser.parse(tls, origin, limits)));
      return;
    }
    int found = 0;
    for (MailPart p : m.parts()) {
      if (!MailAttachments.mayHoldReport(p)) {
        continue;
      }
      found++;
      extract(origin + " > " + p.label(), p.body(), depth + 1, sink);
    }
    if (found == 0) {
      String subject = m.header("Subject");
      throw new InvalidReportException("is an email with no report in it"
          + (subject == null ? "" : " (subject \"" + subject + "\")"));
    }
  }
}
