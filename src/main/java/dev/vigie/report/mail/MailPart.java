package dev.vigie.report.mail;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One leaf part of an email, its transfer encoding (base64, quoted-printable) already undone.
 * {@code message/rfc822} parts are leaves too: their bytes are the embedded message as received.
 *
 * @param mimeType lower-cased type/subtype, e.g. {@code message/feedback-report}
 * @param charset the declared charset, or null
 * @param filename the declared file name (Content-Disposition or Content-Type name), or null
 */
public record MailPart(
    String mimeType,
    @Nullable String charset,
    @Nullable String filename,
    List<MailHeader> headers,
    byte[] body) {

  public String label() {
    return filename != null ? filename : mimeType;
  }
}
