package dev.vigie.report.mail;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An email reduced to what report parsing needs: its top-level headers and its leaf parts in
 * order. A single-part message has one part holding the whole body.
 *
 * @param mimeType the top-level lower-cased type/subtype, e.g. {@code multipart/report}
 * @param reportType the {@code report-type} parameter of a multipart/report (RFC 6522), or null
 */
public record MailMessage(
    List<MailHeader> headers, String mimeType, @Nullable String reportType, List<MailPart> parts) {

  /** The first header of that name (case-insensitive), or null. */
  public @Nullable String header(String name) {
    return first(headers, name);
  }

  public static @Nullable String first(List<MailHeader> headers, String name) {
    for (MailHeader h : headers) {
      if (h.name().equalsIgnoreCase(name)) {
        return h.value();
      }
    }
    return null;
  }

  /** The first part whose MIME type is one of those given, or null. */
  public @Nullable MailPart firstPart(String... mimeTypes) {
    for (MailPart p : parts) {
      for (String t : mimeTypes) {
        if (p.mimeType().equals(t.toLowerCase(Locale.ROOT))) {
          return p;
        }
      }
    }
    return null;
  }
}
