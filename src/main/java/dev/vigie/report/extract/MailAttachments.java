package dev.vigie.report.extract;

import dev.vigie.report.mail.MailPart;

/**
 * Which parts of an email to open as possible reports: those whose content (not their declared
 * type, which reporters get wrong) is a compressed file, XML or an embedded message.
 */
final class MailAttachments {
  private MailAttachments() {}

  static boolean mayHoldReport(MailPart p) {
    Sniffer.Kind kind = Sniffer.sniff(p.body());
    return switch (kind) {
      case GZIP, ZIP -> true;
      // An HTML body also starts with '<'; a report never comes as text/html.
      case XML -> !p.mimeType().equals("text/html");
      case EMAIL -> p.mimeType().equals("message/rfc822");
      default -> false;
    };
  }
}
