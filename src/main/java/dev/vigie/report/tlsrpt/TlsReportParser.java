package dev.vigie.report.tlsrpt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.report.InvalidReportException;
import dev.vigie.report.ParseLimits;
import dev.vigie.report.mail.MailMessage;
import dev.vigie.report.mail.MailPart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads RFC 8460 §4 SMTP TLS report JSON, and finds that JSON in a report email (RFC 8460 §5.3:
 * multipart/report, report-type tlsrpt, an application/tlsrpt+json or +gzip part). No I/O.
 */
public final class TlsReportParser {
  private TlsReportParser() {}

  public static TlsReport parse(byte[] json, String origin, ParseLimits limits) {
    if (json.length > limits.maxInputBytes()) {
      throw new InvalidReportException(
          "the SMTP TLS report is larger than the " + limits.maxInputBytes() + " byte limit");
    }
    JsonNode root;
    try {
      root = mapper(limits).readTree(json);
    } catch (StreamConstraintsException e) {
      throw new InvalidReportException("the SMTP TLS report JSON exceeds a parse limit: "
          + e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      throw new InvalidReportException("the SMTP TLS report is not valid JSON: "
          + e.getOriginalMessage() + where(e.getLocation()), e);
    } catch (IOException e) {
      throw new InvalidReportException("the SMTP TLS report could not be read", e);
    }
    if (root == null || root.isMissingNode()) {
      throw new InvalidReportException("the SMTP TLS report is empty");
    }
    if (!root.isObject()) {
      throw new InvalidReportException("an SMTP TLS report must be a JSON object (RFC 8460 §4.4),"
          + " not " + TlsJson.describe(root));
    }
    try {
      return new TlsJson(limits).report(root, origin);
    } catch (InvalidReportException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw new InvalidReportException("the SMTP TLS report could not be read ("
          + e.getClass().getSimpleName() + ")", e);
    }
  }

  /**
   * The report JSON an email carries (gunzipped for application/tlsrpt+gzip, at most
   * {@link ParseLimits#maxInflatedBytes()}), or null when it carries none.
   */
  public static byte @Nullable [] reportBytes(MailMessage m, ParseLimits limits) {
    boolean declared = "tlsrpt".equalsIgnoreCase(m.reportType());
    for (MailPart p : m.parts()) {
      String name = p.filename() == null ? "" : p.filename().toLowerCase(Locale.ROOT);
      boolean gz = isGzip(p.body());
      if (p.mimeType().equals("application/tlsrpt+gzip")
          || p.mimeType().equals("application/tlsrpt+json")
          || (declared && (name.endsWith(".json.gz") || name.endsWith(".json")))) {
        return gz ? gunzip(p.body(), p.label(), limits) : p.body();
      }
    }
    return null;
  }

  private static ObjectMapper mapper(ParseLimits limits) {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxXmlDepth())
            .maxStringLength(limits.maxFieldLength())
            .maxNumberLength(32)
            .maxDocumentLength(limits.maxInputBytes())
            .build())
        // A repeated key makes the report ambiguous (RFC 8259 §4 leaves it undefined).
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
    return new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  private static String where(@Nullable JsonLocation loc) {
    return loc == null || loc.getLineNr() < 0 ? ""
        : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
  }

  private static boolean isGzip(byte[] b) {
    return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
  }

  private static byte[] gunzip(byte[] gz, String label, ParseLimits limits) {
    long max = limits.maxInflatedBytes();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[16384];
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      int r;
      while ((r = in.read(buf)) >= 0) {
        out.write(buf, 0, r);
        if (out.size() > max) {
          throw new InvalidReportException(label + " inflates past the " + max + " byte limit");
        }
        if (out.size() > ParseLimits.MIB && out.size() / gz.length > limits.maxInflateRatio()) {
          throw new InvalidReportException(label + " inflates more than "
              + limits.maxInflateRatio() + " times its size: refused as a decompression bomb");
        }
      }
    } catch (IOException e) {
      throw new InvalidReportException(label + " is not a complete gzip stream", e);
    }
    return out.toByteArray();
  }
}
