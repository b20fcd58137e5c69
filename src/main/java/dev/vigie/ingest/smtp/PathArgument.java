package dev.vigie.ingest.smtp;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The argument of MAIL FROM or RCPT TO: a path and its ESMTP parameters (RFC 5321 §4.1.1.2,
 * §4.1.1.3, §4.1.2).
 *
 * @param address the mailbox without angle brackets or source route; empty for the null
 *     reverse-path {@code <>}
 * @param parameters {@code KEY=value} or {@code KEY}, as sent
 */
record PathArgument(String address, List<String> parameters) {

  /**
   * Parses what follows the verb. Lenient where senders commonly are, as Postfix is: spaces after
   * the colon, and a bare address without angle brackets.
   *
   * @param keyword {@code "FROM:"} or {@code "TO:"}
   * @return null when the argument is not a path
   */
  static @Nullable PathArgument parse(String argument, String keyword) {
    String rest = argument.strip();
    if (!rest.regionMatches(true, 0, keyword, 0, keyword.length())) {
      return null;
    }
    rest = rest.substring(keyword.length()).stripLeading();
    String path;
    String params;
    if (rest.startsWith("<")) {
      int close = rest.indexOf('>');
      if (close < 0) {
        return null;
      }
      path = rest.substring(1, close);
      params = rest.substring(close + 1);
      if (!params.isEmpty() && params.charAt(0) != ' ') {
        return null;
      }
    } else {
      int space = rest.indexOf(' ');
      path = space < 0 ? rest : rest.substring(0, space);
      params = space < 0 ? "" : rest.substring(space);
      if (path.isEmpty()) {
        return null;
      }
    }
    // A source route "@a,@b:user@d" must be accepted and ignored (RFC 5321 §3.3, §C).
    if (path.startsWith("@")) {
      int colon = path.indexOf(':');
      if (colon < 0) {
        return null;
      }
      path = path.substring(colon + 1);
    }
    // No SMTPUTF8 is offered, so the path is ASCII without controls (RFC 5321 §4.1.2).
    if (!path.chars().allMatch(c -> c > ' ' && c < 127) && !isQuotedAscii(path)) {
      return null;
    }
    String trimmed = params.strip();
    return new PathArgument(path, trimmed.isEmpty() ? List.of() : List.of(trimmed.split(" +")));
  }

  /** The value of parameter {@code name} ({@code SIZE}, {@code BODY}); "" for a bare keyword. */
  @Nullable String parameter(String name) {
    for (String p : parameters) {
      int eq = p.indexOf('=');
      String key = eq < 0 ? p : p.substring(0, eq);
      if (key.equalsIgnoreCase(name)) {
        return eq < 0 ? "" : p.substring(eq + 1);
      }
    }
    return null;
  }

  /** The first parameter not among {@code known}, or null. */
  @Nullable String unknownParameter(String... known) {
    for (String p : parameters) {
      int eq = p.indexOf('=');
      String key = (eq < 0 ? p : p.substring(0, eq)).toUpperCase(Locale.ROOT);
      if (!List.of(known).contains(key)) {
        return key;
      }
    }
    return null;
  }

  /**
   * Checks MAIL FROM parameters: SIZE (RFC 1870 §6) and BODY (RFC 6152), nothing else.
   *
   * @return the refusal reply, or null when the parameters are acceptable
   */
  @Nullable String mailParameterRefusal(boolean esmtp, int maxMessageBytes) {
    String unknown = unknownParameter("SIZE", "BODY");
    String size = parameter("SIZE");
    String body = parameter("BODY");
    if (unknown != null || (!esmtp && !parameters.isEmpty())) {
      return "555 5.5.4 Unsupported MAIL parameter " + (unknown != null ? unknown : "after HELO");
    } else if (size != null && !size.matches("[0-9]{1,18}")) {
      return "501 5.5.4 Bad SIZE parameter";
    } else if (size != null && Long.parseLong(size) > maxMessageBytes) {
      return "552 5.3.4 Message size exceeds fixed maximum message size"; // RFC 1870 §6.1
    } else if (body != null && !body.equalsIgnoreCase("7BIT")
        && !body.equalsIgnoreCase("8BITMIME")) {
      return "501 5.5.4 Bad BODY parameter";
    }
    return null;
  }

  private static boolean isQuotedAscii(String path) {
    // "John Smith"@example.com: spaces are allowed inside a quoted local part.
    int at = path.lastIndexOf('@');
    return path.startsWith("\"") && at > 1 && path.charAt(at - 1) == '"'
        && path.chars().allMatch(c -> c >= ' ' && c < 127);
  }
}
