package dev.vigie.report.failure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The machine-readable part of a failure report, from an RFC 5965 §3 message/feedback-report part
 * (with the RFC 6591 §3.1 and RFC 7489 §7.3.1 fields) or from a plain-text summary.
 *
 * @param arrivalDateText the Arrival-Date as written, kept to explain a date that did not parse
 */
record ArfFields(
    @Nullable String feedbackType,
    @Nullable String userAgent,
    @Nullable String version,
    @Nullable String originalEnvelopeId,
    @Nullable String originalMailFrom,
    @Nullable String originalRcptTo,
    @Nullable Instant arrivalDate,
    @Nullable String arrivalDateText,
    @Nullable String authenticationResults,
    @Nullable String deliveryResult,
    List<String> authFailure,
    List<String> authenticationMechanisms,
    @Nullable String dkimDomain,
    @Nullable String reportedDomain,
    @Nullable String identityAlignment,
    @Nullable String sourceIp) {

  /** RFC 6591 §3.1 Delivery-Result values. */
  private static final List<String> DELIVERY = List.of("delivered", "spam", "policy", "reject", "other");
  private static final Pattern IPV4 =
      Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  static ArfFields fromFeedback(HeaderBlock b, int maxField, List<String> warnings) {
    Values v = new Values(b, maxField, warnings);
    String feedbackType = v.required("Feedback-Type", "RFC 5965 §3.1");
    String arrival = v.optional("Arrival-Date");
    List<String> authFailure = tokens(b.all("Auth-Failure"));
    if (authFailure.isEmpty() && "auth-failure".equalsIgnoreCase(feedbackType)) {
      warnings.add("the Auth-Failure field (RFC 6591 §3.1) is missing");
    }
    String alignment = v.optional("Identity-Alignment");
    if (alignment == null) {
      warnings.add("the Identity-Alignment field (RFC 7489 §7.3.1) is missing");
    }
    List<String> rcpts = b.all("Original-Rcpt-To").stream().filter(s -> !s.isBlank()).toList();
    return new ArfFields(
        feedbackType == null ? null : feedbackType.toLowerCase(Locale.ROOT),
        v.required("User-Agent", "RFC 5965 §3.1"),
        v.required("Version", "RFC 5965 §3.1"),
        v.optional("Original-Envelope-Id"),
        v.optional("Original-Mail-From"),
        Texts.bounded(rcpts.isEmpty() ? null : String.join(", ", rcpts), maxField,
            "Original-Rcpt-To", warnings),
        arrival == null ? null : MailDates.parse(arrival),
        arrival,
        v.required("Authentication-Results", "RFC 6591 §3.1"),
        delivery(v.optional("Delivery-Result"), warnings),
        authFailure,
        mechanisms(alignment),
        v.optional("DKIM-Domain"),
        domain(v.required("Reported-Domain", "RFC 6591 §3.1")),
        alignment,
        sourceIp(v.required("Source-IP", "RFC 6591 §3.1"), warnings));
  }

  /** RFC 6591 §3.1 lists the values; reporters invent others ("smg-policy-action"). */
  static @Nullable String delivery(@Nullable String raw, List<String> warnings) {
    if (raw == null) {
      return null;
    }
    String lower = raw.toLowerCase(Locale.ROOT).strip();
    if (DELIVERY.contains(lower)) {
      return lower;
    }
    String mapped = DELIVERY.stream().filter(lower::contains).findFirst().orElse("other");
    warnings.add("Delivery-Result \"" + raw + "\" is not an RFC 6591 §3.1 value; read as " + mapped);
    return mapped;
  }

  /** Comma- or space-separated tokens from every occurrence, lower-cased, without duplicates. */
  static List<String> tokens(List<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      for (String t : v.split("[,\\s]+")) {
        String s = t.strip().toLowerCase(Locale.ROOT);
        if (!s.isEmpty() && !out.contains(s)) {
          out.add(s);
        }
      }
    }
    return List.copyOf(out);
  }

  /** Identity-Alignment: "none" or a list of aligned mechanisms (RFC 7489 §7.3.1). */
  static List<String> mechanisms(@Nullable String alignment) {
    if (alignment == null) {
      return List.of();
    }
    List<String> t = tokens(List.of(alignment));
    return t.equals(List.of("none")) ? List.of() : t;
  }

  static @Nullable String domain(@Nullable String d) {
    if (d == null) {
      return null;
    }
    String s = d.strip().toLowerCase(Locale.ROOT);
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** The first token, without brackets or an "IPv6:" prefix; kept with a warning if not an IP. */
  static @Nullable String sourceIp(@Nullable String raw, List<String> warnings) {
    if (raw == null) {
      return null;
    }
    String ip = raw.strip().split("[\\s(;,]+", 2)[0].replace("[", "").replace("]", "");
    if (ip.regionMatches(true, 0, "IPv6:", 0, 5)) {
      ip = ip.substring(5);
    }
    boolean ok = IPV4.matcher(ip).matches()
        || (IPV6.matcher(ip).matches() && ip.indexOf(':') != ip.lastIndexOf(':'));
    if (!ok) {
      warnings.add("Source-IP \"" + raw + "\" is not an IP address literal");
      return raw.strip();
    }
    return ip;
  }

  /** Field look-ups that warn once for each missing required field. */
  private record Values(HeaderBlock b, int max, List<String> warnings) {
    @Nullable String optional(String name) {
      String v = b.first(name);
      return v == null || v.isBlank() ? null : Texts.bounded(v.strip(), max, name, warnings);
    }

    @Nullable String required(String name, String rfc) {
      String v = optional(name);
      if (v == null) {
        warnings.add("the " + name + " field (" + rfc + ") is missing");
      }
      return v;
    }
  }
}
