package dev.vigie.dns.tlsrpt;

import dev.vigie.dns.psl.DomainNames;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Checks a rua URI: RFC 8460 §3 allows only "mailto:" (RFC 6068) and "https:" (RFC 7230). Pure:
 * {@link URI} only parses, it never resolves or connects.
 */
final class ReportUriSyntax {

  private ReportUriSyntax() {}

  /** Null when the URI is usable, otherwise why not, as a phrase. */
  static @Nullable String problem(String uri) {
    if (uri.isEmpty()) {
      return "it is empty";
    }
    String lower = uri.toLowerCase(Locale.ROOT);
    if (lower.startsWith("mailto:")) {
      return mailtoProblem(uri.substring("mailto:".length()));
    }
    if (lower.startsWith("https:")) {
      return httpsProblem(uri);
    }
    int colon = uri.indexOf(':');
    if (colon <= 0) {
      return "it has no scheme; write mailto:address or https://host/path";
    }
    return "the scheme \"" + uri.substring(0, Math.min(colon, 16))
        + ":\" is not allowed; only mailto: and https: are (RFC 8460 §3)";
  }

  private static @Nullable String mailtoProblem(String rest) {
    int query = rest.indexOf('?');
    String address = query < 0 ? rest : rest.substring(0, query);
    int at = address.lastIndexOf('@');
    if (at <= 0 || at == address.length() - 1) {
      return "\"" + address + "\" is not an email address";
    }
    if (DomainNames.normaliseHost(address.substring(at + 1)) == null) {
      return "\"" + address.substring(at + 1) + "\" is not a valid mail domain";
    }
    return null;
  }

  private static @Nullable String httpsProblem(String uri) {
    try {
      URI parsed = new URI(uri);
      String host = parsed.getHost();
      if (host == null || host.isEmpty()) {
        return "it has no host name";
      }
      return null;
    } catch (URISyntaxException e) {
      return "it is not a valid URL (" + e.getReason() + ")";
    }
  }
}
