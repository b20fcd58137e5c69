package dev.vigie.report.failure;

import dev.vigie.report.InvalidReportException;
import dev.vigie.report.ParseLimits;
import dev.vigie.report.mail.MailMessage;
import dev.vigie.report.mail.MailPart;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a DMARC failure report email: RFC 6591 ARF (a multipart/report, RFC 6522, of
 * report-type feedback-report, RFC 5965 §2), the same parts under multipart/mixed (Netease,
 * Outlook-forwarded copies), and Exim's plain-text summary. Makes no network or database calls.
 */
public final class FailureReportParser {
  static final String FEEDBACK = "message/feedback-report";
  /** Where RFC 5965 §2 (and RFC 6532 §3.7 for EAI) puts the original message or its headers. */
  private static final Set<String> SAMPLE_TYPES = Set.of("message/rfc822", "text/rfc822-headers",
      "message/rfc822-headers", "text/rfc822", "message/global", "message/global-headers");
  /** A sample over this many characters is cut: the raw email is archived whole elsewhere. */
  static final int MAX_SAMPLE_CHARS = 1 << 20;

  private final ParseLimits limits;

  public FailureReportParser() {
    this(ParseLimits.defaults());
  }

  public FailureReportParser(ParseLimits limits) {
    this.limits = limits;
  }

  /** True when the email carries a feedback report, or Exim's plain-text failure summary. */
  public static boolean looksLikeFailureReport(MailMessage m) {
    return "feedback-report".equalsIgnoreCase(m.reportType()) || feedbackPart(m) != null
        || plainTextPart(m) != null;
  }

  public FailureReport parse(MailMessage m, String origin) {
    try {
      return read(m, origin);
    } catch (InvalidReportException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw new InvalidReportException("the failure report could not be read ("
          + e.getClass().getSimpleName() + ")", e);
    }
  }

  private FailureReport read(MailMessage m, String origin) {
    List<String> warnings = new ArrayList<>();
    int max = limits.maxFieldLength();
    MailPart feedback = feedbackPart(m);
    ArfFields f;
    String sample;
    boolean headersOnly;
    if (feedback != null) {
      HeaderBlock block = HeaderBlock.parse(feedbackText(feedback, warnings), true);
      if (block.fields().isEmpty()) {
        throw new InvalidReportException("the message/feedback-report part holds no fields");
      }
      if (block.malformed() > 0) {
        warnings.add("the feedback-report part has " + block.malformed()
            + " line(s) that are not fields; ignored");
      }
      f = ArfFields.fromFeedback(block, max, warnings);
      MailPart s = samplePart(m, feedback);
      if (s == null) {
        warnings.add("the report has no message/rfc822 or text/rfc822-headers sample");
        sample = "";
        headersOnly = true;
      } else {
        sample = Texts.decode(s.body(), s.charset(), "the sample", warnings);
        headersOnly = s.mimeType().endsWith("-headers");
      }
    } else {
      MailPart text = plainTextPart(m);
      if (text == null) {
        throw new InvalidReportException("the email has no message/feedback-report part and no"
            + " recognised plain-text failure report");
      }
      PlainTextReport p = PlainTextReport.read(
          Texts.decode(text.body(), text.charset(), "the text part", warnings), max, warnings);
      f = p.fields();
      sample = p.sample();
      headersOnly = true;
    }
    if (sample.length() > MAX_SAMPLE_CHARS) {
      warnings.add("the sample is longer than " + MAX_SAMPLE_CHARS + " characters; truncated");
      sample = sample.substring(0, MAX_SAMPLE_CHARS);
    }
    HeaderBlock head = HeaderBlock.parse(sample, false);
    if (!sample.isEmpty() && head.fields().isEmpty()) {
      warnings.add("the sample has no header fields");
    }
    headersOnly = headersOnly || head.body().isBlank();
    SampleSummary summary = summary(head, max, warnings);
    return new FailureReport(origin, warnings, f.feedbackType(), f.userAgent(), f.version(),
        f.originalEnvelopeId(), f.originalMailFrom(), f.originalRcptTo(),
        arrival(f, m, warnings), f.authenticationResults(), f.deliveryResult(), f.authFailure(),
        f.authenticationMechanisms(), f.dkimDomain(), reportedDomain(f, summary, warnings),
        f.identityAlignment(), f.sourceIp(), headersOnly, sample, summary);
  }

  private static @Nullable Instant arrival(ArfFields f, MailMessage m, List<String> warnings) {
    if (f.arrivalDate() != null) {
      return f.arrivalDate();
    }
    if (f.arrivalDateText() != null) {
      warnings.add("Arrival-Date \"" + f.arrivalDateText() + "\" is not a date-time");
      return null;
    }
    Instant sent = MailDates.parse(m.header("Date"));
    warnings.add(sent == null ? "the report gives no Arrival-Date, and the email no Date"
        : "the report gives no Arrival-Date; used the report email's Date");
    return sent;
  }

  private static @Nullable String reportedDomain(ArfFields f, SampleSummary s, List<String> w) {
    if (f.reportedDomain() != null) {
      return f.reportedDomain();
    }
    String d = s.fromDomain();
    if (d != null) {
      w.add("no Reported-Domain; used the domain of the sample's From");
    }
    return d;
  }

  private static SampleSummary summary(HeaderBlock h, int max, List<String> warnings) {
    String date = h.first("Date");
    Instant when = MailDates.parse(date);
    if (date != null && when == null) {
      warnings.add("the sample's Date \"" + Texts.bounded(date, 200, "Date", warnings)
          + "\" is not a date-time");
    }
    return new SampleSummary(
        Texts.bounded(h.decoded("From"), max, "the sample's From", warnings),
        Texts.bounded(h.decoded("To"), max, "the sample's To", warnings),
        Texts.bounded(h.decoded("Subject"), max, "the sample's Subject", warnings),
        when,
        Texts.bounded(h.decoded("Message-ID"), max, "the sample's Message-ID", warnings));
  }

  /** The feedback part's text; base64 that a gateway left undeclared is decoded (Netease). */
  private static String feedbackText(MailPart p, List<String> warnings) {
    String text = Texts.decode(p.body(), p.charset(), "the feedback-report part", warnings);
    if (!text.toLowerCase(Locale.ROOT).contains("feedback-type")
        && text.strip().matches("[A-Za-z0-9+/=\\s]+")) {
      try {
        byte[] raw = Base64.getMimeDecoder().decode(text.strip());
        warnings.add("the feedback-report part was base64 without a Content-Transfer-Encoding");
        return Texts.decode(raw, null, "the feedback-report part", warnings);
      } catch (IllegalArgumentException e) {
        return text;
      }
    }
    return text;
  }

  static @Nullable MailPart feedbackPart(MailMessage m) {
    MailPart p = m.firstPart(FEEDBACK);
    if (p != null) {
      return p;
    }
    // A forwarding gateway may relabel the part (text/plain, application/octet-stream).
    for (MailPart q : m.parts()) {
      if (!SAMPLE_TYPES.contains(q.mimeType()) && startsWithField(q.body(), "feedback-type:")) {
        return q;
      }
    }
    return null;
  }

  static @Nullable MailPart plainTextPart(MailMessage m) {
    for (MailPart p : m.parts()) {
      if (p.mimeType().equals("text/plain") && PlainTextReport.matches(
          new String(p.body(), 0, Math.min(p.body().length, 4096), StandardCharsets.ISO_8859_1))) {
        return p;
      }
    }
    return null;
  }

  /** The first sample part after the feedback part, else the first anywhere. */
  private static @Nullable MailPart samplePart(MailMessage m, MailPart feedback) {
    List<MailPart> parts = m.parts();
    int from = parts.indexOf(feedback);
    for (int pass = 0; pass < 2; pass++) {
      for (int i = pass == 0 ? from + 1 : 0; i < parts.size(); i++) {
        if (SAMPLE_TYPES.contains(parts.get(i).mimeType())) {
          return parts.get(i);
        }
      }
    }
    return null;
  }

  private static boolean startsWithField(byte[] body, String field) {
    int i = 0;
    while (i < body.length && i < 64 && Character.isWhitespace(body[i])) {
      i++;
    }
    if (body.length - i < field.length()) {
      return false;
    }
    String head = new String(body, i, field.length(), StandardCharsets.ISO_8859_1);
    return head.equalsIgnoreCase(field);
  }
}
