package dev.vigie.dns.dmarc;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import dev.vigie.dns.psl.DomainNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses the value of rua or ruf: {@code dmarc-urilist = dmarc-uri *(*WSP "," *WSP dmarc-uri)}
 * (RFC 9989 Formal Definition). mailto (RFC 6068) must be supported by receivers; https is
 * accepted too. In RFC 7489 mode a trailing {@code !size} (§6.2) is read; RFC 9989 dropped it
 * and requires '!' to be percent-encoded.
 */
final class ReportUris {

  /** More URIs than this are not even looked at: a record is not a mailing list. */
  static final int MAX_URIS = 20;

  private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):(.*)");
  private static final Pattern SIZE = Pattern.compile("(\\d{1,15})([kmgtKMGT]?)");
  private static final Pattern PORT = Pattern.compile(":\\d{1,5}");

  private ReportUris() {}

  record Parsed(List<ReportUri> uris, List<Finding> findings) {}

  static Parsed parse(String tag, String value, DmarcMode mode) {
    List<ReportUri> uris = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    String[] parts = value.split(",", MAX_URIS + 1);
    if (parts.length > 2) {
      findings.add(new Finding("dmarc.too-many-uris", Severity.WARNING,
          "Your DMARC record lists more report addresses than many providers will send to.",
          tag + "= lists " + (parts.length > MAX_URIS ? "more than " + MAX_URIS : parts.length)
              + " URIs; receivers commonly send to the first two only.",
          "Keep at most two addresses in " + tag + "=.", List.of(tag)));
    }
    for (int i = 0; i < Math.min(parts.length, MAX_URIS); i++) {
      String raw = parts[i].strip();
      parseOne(tag, raw, mode, uris, findings);
    }
    return new Parsed(uris, findings);
  }

  private static void parseOne(
      String tag, String raw, DmarcMode mode, List<ReportUri> uris, List<Finding> findings) {
    String uri = raw;
    Long size = null;
    int bang = raw.lastIndexOf('!');
    if (bang >= 0) {
      Matcher m = SIZE.matcher(raw.substring(bang + 1));
      if (!m.matches()) {
        findings.add(invalid(tag, raw, "'!' must be followed by a size such as 10m, or be "
            + "percent-encoded as %21 (RFC 9989 Formal Definition)."));
        return;
      }
      uri = raw.substring(0, bang);
      if (mode == DmarcMode.RFC7489) {
        size = sizeInBytes(m.group(1), m.group(2));
      } else {
        findings.add(new Finding("dmarc.uri-size-obsolete", Severity.INFO,
            "A report-size limit in your DMARC record is no longer used and can be removed.",
            tag + "=" + raw + ": the \"!size\" suffix of RFC 7489 §6.2 is not part of RFC 9989; "
                + "receivers ignore it.",
            "Use " + uri + " without the \"!" + raw.substring(bang + 1) + "\" suffix.",
            List.of(uri, raw.substring(bang + 1))));
      }
    }
    Matcher scheme = SCHEME.matcher(uri);
    if (!scheme.matches()) {
      String hint = uri.contains("@") ? " Write it as mailto:" + uri + "." : "";
      findings.add(invalid(tag, raw, "it has no URI scheme (such as \"mailto:\")." + hint));
      return;
    }
    String name = scheme.group(1).toLowerCase(Locale.ROOT);
    String rest = scheme.group(2);
    String domain = switch (name) {
      case "mailto" -> mailtoDomain(rest);
      case "https" -> httpsHost(rest);
      default -> "";
    };
    if (!name.equals("mailto") && !name.equals("https")) {
      findings.add(new Finding("dmarc.unsupported-uri-scheme", Severity.WARNING,
          "One of your DMARC report addresses uses a form most providers cannot send to.",
          tag + "=" + raw + ": receivers must support only mailto: (RFC 9989 General Record "
              + "Format, rua), and ignore URIs they do not support.",
          "Use a mailto: address, e.g. " + tag + "=mailto:dmarc@yourdomain.", List.of(tag)));
      return;
    }
    if (domain == null) {
      findings.add(invalid(tag, raw, name.equals("mailto")
          ? "it is not a single address of the form mailto:name@domain (RFC 6068)."
          : "it is not of the form https://host/path."));
      return;
    }
    uris.add(new ReportUri(uri, name, domain, size));
  }

  /** The domain of a mailto: URI's single addr-spec, or null. Any ?query is allowed. */
  private static @Nullable String mailtoDomain(String rest) {
    int q = rest.indexOf('?');
    String address = percentDecode(q >= 0 ? rest.substring(0, q) : rest);
    if (address == null) {
      return null;
    }
    int at = address.lastIndexOf('@');
    if (at <= 0 || address.indexOf('@') != at || address.length() > 320) {
      return null;
    }
    String local = address.substring(0, at);
    for (int i = 0; i < local.length(); i++) {
      char c = local.charAt(i);
      if (c <= ' ' || c >= 0x7f || "<>()[]\\,;:\"".indexOf(c) >= 0) {
        return null;
      }
    }
    return DomainNames.normaliseHost(address.substring(at + 1));
  }

  private static @Nullable String httpsHost(String rest) {
    if (!rest.startsWith("//")) {
      return null;
    }
    String authority = rest.substring(2);
    int slash = authority.indexOf('/');
    if (slash >= 0) {
      authority = authority.substring(0, slash);
    }
    if (authority.contains("@")) {
      return null;
    }
    int colon = authority.indexOf(':');
    if (colon >= 0) {
      String port = authority.substring(colon);
      if (!PORT.matcher(port).matches() || Integer.parseInt(port.substring(1)) > 65_535) {
        return null;
      }
      authority = authority.substring(0, colon);
    }
    return DomainNames.normaliseHost(authority);
  }

  /** %XX decoding of ASCII octets; null for a malformed escape. */
  private static @Nullable String percentDecode(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      if (i + 2 >= s.length()) {
        return null;
      }
      int hi = Character.digit(s.charAt(i + 1), 16);
      int lo = Character.digit(s.charAt(i + 2), 16);
      if (hi < 0 || lo < 0) {
        return null;
      }
      out.append((char) (hi * 16 + lo));
      i += 2;
    }
    return out.toString();
  }

  private static long sizeInBytes(String digits, String unit) {
    long n = Long.parseLong(digits);
    int shift = switch (unit.toLowerCase(Locale.ROOT)) {
      case "k" -> 10;
      case "m" -> 20;
      case "g" -> 30;
      case "t" -> 40;
      default -> 0;
    };
    return n > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : n << shift;
  }

  private static Finding invalid(String tag, String raw, String why) {
    return new Finding("dmarc.invalid-uri", Severity.ERROR,
        "One of your DMARC report addresses is written incorrectly, so no reports reach it.",
        tag + "=" + raw + ": " + why,
        "Write report addresses as mailto:name@domain, e.g. " + tag + "=mailto:dmarc@yourdomain.",
        List.of(tag));
  }
}
