package dev.vigie.report.mail;

import dev.vigie.report.InvalidReportException;
import dev.vigie.report.ParseLimits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.ParserCursor;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.stream.RecursionMode;
import org.apache.james.mime4j.util.ByteSequence;
import org.apache.james.mime4j.util.ContentUtil;
import org.jspecify.annotations.Nullable;

/**
 * Reads an RFC 5322 / MIME message into a {@link MailMessage} with Apache James mime4j's streaming
 * tokenizer. Embedded {@code message/rfc822} parts are not descended into: a failure report's
 * original message stays one part, as RFC 6591 §3.2 lays it out.
 */
public final class MailReader {
  /** Real reports nest two or three multiparts (mixed > alternative > related). */
  static final int MAX_MULTIPART_DEPTH = 50;

  private final ParseLimits limits;

  public MailReader(ParseLimits limits) {
    this.limits = limits;
  }

  public MailMessage read(byte[] raw) {
    MimeConfig config = MimeConfig.custom()
        .setStrictParsing(false)
        .setMaxLineLen(-1)
        .setMaxHeaderLen(-1)
        .setMaxHeaderCount(10_000)
        .setMaxContentLen(-1)
        .setMalformedHeaderStartsBody(true)
        .build();
    MimeTokenStream stream = new MimeTokenStream(config);
    stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
    int start = mboxPostmarkEnd(raw);
    stream.parse(new ByteArrayInputStream(raw, start, raw.length - start));

    List<MailHeader> top = new ArrayList<>();
    List<MailHeader> current = top;
    boolean inTopHeader = true;
    int multipartDepth = 0;
    List<MailPart> parts = new ArrayList<>();
    String topType = "text/plain";
    String reportType = null;
    try {
      for (EntityState s = stream.getState(); s != EntityState.T_END_OF_STREAM; s = stream.next()) {
        switch (s) {
          case T_START_HEADER -> {
            if (!inTopHeader || !top.isEmpty()) {
              current = new ArrayList<>();
            }
          }
          case T_FIELD -> {
            Field f = stream.getField();
            current.add(new MailHeader(f.getName(), unfold(f.getBody())));
          }
          case T_END_HEADER -> {
            if (inTopHeader) {
              inTopHeader = false;
              RawBody ct = contentType(top);
              if (ct != null) {
                topType = ct.getValue().toLowerCase(Locale.ROOT);
                reportType = param(ct, "report-type");
              }
            }
          }
          case T_START_MULTIPART -> {
            // mime4j reads a part through one boundary stream per enclosing multipart, recursively:
            // thousands of levels overflow the stack.
            if (++multipartDepth > MAX_MULTIPART_DEPTH) {
              throw new InvalidReportException("the email nests multiparts more than "
                  + MAX_MULTIPART_DEPTH + " levels deep");
            }
          }
          case T_END_MULTIPART -> multipartDepth--;
          case T_BODY -> {
            if (parts.size() == limits.maxMimeParts()) {
              throw new InvalidReportException(
                  "the email has more than " + limits.maxMimeParts() + " MIME parts");
            }
            parts.add(part(current, stream));
          }
          default -> {}
        }
      }
    } catch (IOException | MimeException e) {
      throw new InvalidReportException("the email is not valid MIME: " + e.getMessage(), e);
    } catch (InvalidReportException e) {
      throw e;
    } catch (RuntimeException e) {
      // mime4j's own state checks can trip on damaged input, e.g. IllegalStateException "unread
      // only works when a buffer is fully read" from a mangled boundary.
      throw new InvalidReportException("the email is not valid MIME (mime4j "
          + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }
    if (top.isEmpty()) {
      throw new InvalidReportException("the email has no header fields");
    }
    return new MailMessage(List.copyOf(top), topType, reportType, List.copyOf(parts));
  }

  private MailPart part(List<MailHeader> headers, MimeTokenStream stream) throws IOException {
    RawBody ct = contentType(headers);
    String type = ct == null ? "text/plain" : ct.getValue().toLowerCase(Locale.ROOT);
    String charset = ct == null ? null : param(ct, "charset");
    String filename = null;
    String disposition = MailMessage.first(headers, "Content-Disposition");
    if (disposition != null) {
      filename = param(parse(disposition), "filename");
    }
    if (filename == null && ct != null) {
      filename = param(ct, "name");
    }
    byte[] body = readBounded(stream.getDecodedInputStream(), limits.maxInputBytes());
    return new MailPart(type, charset, filename, List.copyOf(headers), body);
  }

  private static byte[] readBounded(InputStream in, long limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[16384];
    int r;
    while ((r = in.read(buf)) >= 0) {
      out.write(buf, 0, r);
      if (out.size() > limit) {
        throw new InvalidReportException("a MIME part is larger than the " + limit + " byte limit");
      }
    }
    return out.toByteArray();
  }

  private static @Nullable RawBody contentType(List<MailHeader> headers) {
    String v = MailMessage.first(headers, "Content-Type");
    return v == null || v.isBlank() ? null : parse(v);
  }

  private static RawBody parse(String value) {
    ByteSequence seq = ContentUtil.encode(value);
    return RawFieldParser.DEFAULT.parseRawBody(seq, new ParserCursor(0, seq.length()));
  }

  private static @Nullable String param(RawBody body, String name) {
    for (NameValuePair p : body.getParams()) {
      if (p.getName().equalsIgnoreCase(name)) {
        String v = p.getValue();
        return v == null || v.isBlank() ? null : v.strip();
      }
    }
    return null;
  }

  /**
   * Where the headers start: after an mbox "From " postmark line (RFC 4155), which files saved from
   * a mailbox keep. Left in, it has no colon and would end the header block at once.
   */
  static int mboxPostmarkEnd(byte[] raw) {
    if (raw.length < 5 || raw[0] != 'F' || raw[1] != 'r' || raw[2] != 'o' || raw[3] != 'm'
        || raw[4] != ' ') {
      return 0;
    }
    for (int i = 5; i < raw.length; i++) {
      if (raw[i] == '\n') {
        return i + 1;
      }
    }
    return 0;
  }

  static String unfold(String value) {
    return value.replaceAll("\r?\n[ \t]+", " ").replace("\r", "").replace("\n", "").strip();
  }
}
