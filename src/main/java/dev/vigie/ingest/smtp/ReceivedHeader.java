package dev.vigie.ingest.smtp;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The trace line an SMTP server must prepend to every message it accepts (RFC 5321 §4.4).
 *
 * @param helo the EHLO/HELO argument, already cleaned by {@link #cleanHelo}
 * @param peer the client's IP address; written as a literal, no reverse DNS during the session
 * @param protocol "SMTP", "ESMTP" or "ESMTPS" (RFC 3848 §2)
 * @param singleRecipient the "for" clause, given only when the message has one recipient, so that
 *     other recipients are not disclosed (RFC 5321 §7.2)
 */
record ReceivedHeader(String helo, InetAddress peer, String by, String protocol, String id,
    @Nullable String singleRecipient, ZonedDateTime when) {

  /** RFC 5322 §3.3 date-time, numeric zone. */
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);

  /** The folded header field with its CRLF (RFC 5322 §2.2.3). */
  byte[] bytes() {
    String literal = peer instanceof Inet6Address
        ? "IPv6:" + peer.getHostAddress() : peer.getHostAddress();
    StringBuilder h = new StringBuilder("Received: from ").append(helo)
        .append(" ([").append(literal).append("])\r\n\tby ").append(by)
        .append(" (Vigie) with ").append(protocol).append(" id ").append(id);
    if (singleRecipient != null) {
      h.append("\r\n\tfor <").append(singleRecipient).append('>');
    }
    h.append("; ").append(DATE.format(when)).append("\r\n");
    return h.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The client's EHLO name as it may appear in a header: its first word, printable ASCII without
   * characters that would end the clause, at most 255 characters.
   */
  static String cleanHelo(String argument) {
    String word = argument.strip().split(" ", 2)[0];
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < word.length() && out.length() < 255; i++) {
      char c = word.charAt(i);
      out.append(c > ' ' && c < 127 && c != '(' && c != ')' && c != ';' ? c : '?');
    }
    return out.isEmpty() ? "unknown" : out.toString();
  }
}
