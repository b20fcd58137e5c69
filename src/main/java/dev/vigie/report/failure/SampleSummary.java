package dev.vigie.report.failure;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A few header fields of the failure report's sample, RFC 2047 encoded-words decoded. Small on
 * purpose: the full sample text is kept beside it.
 *
 * @param date the sample's Date, or null when absent or unreadable
 */
public record SampleSummary(
    @Nullable String from,
    @Nullable String to,
    @Nullable String subject,
    @Nullable Instant date,
    @Nullable String messageId) {

  private static final Pattern ADDRESS =
      Pattern.compile("([^\\s<>\"@,;:()]+)@([A-Za-z0-9.-]+\\.[A-Za-z0-9-]+)");

  static SampleSummary empty() {
    return new SampleSummary(null, null, null, null, null);
  }

  /** The lower-cased domain of the From address (the RFC 5322.From DMARC evaluates), or null. */
  public @Nullable String fromDomain() {
    if (from == null) {
      return null;
    }
    int lt = from.lastIndexOf('<');
    Matcher m = ADDRESS.matcher(lt >= 0 ? from.substring(lt) : from);
    return m.find() ? m.group(2).toLowerCase(Locale.ROOT) : null;
  }
}
