package dev.vigie.dns.mtasts;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** What an HTTPS GET gave: a response, whatever its status, or the reason there was none. */
public sealed interface FetchResult {

  /**
   * An HTTP response.
   *
   * @param status the HTTP status; redirects are returned as they are, never followed
   * @param contentType the Content-Type header as sent; null when absent
   * @param location the Location header as sent; null when absent
   * @param body the body, at most the fetcher's size cap
   */
  record Response(int status, @Nullable String contentType, @Nullable String location,
      byte[] body) implements FetchResult {

    public Response {
      body = body.clone();
    }

    @Override
    public byte[] body() {
      return body.clone();
    }

    public int size() {
      return body.length;
    }

    /** The body as UTF-8 (RFC 8461 §3.2 policies are UTF-8); bad bytes become U+FFFD. */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The media type without parameters, lower-cased: "text/plain"; "" when absent. */
    public String mediaType() {
      if (contentType == null) {
        return "";
      }
      int semi = contentType.indexOf(';');
      return (semi < 0 ? contentType : contentType.substring(0, semi)).strip()
          .toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Response r && r.status == status && Arrays.equals(r.body, body)
          && java.util.Objects.equals(r.contentType, contentType)
          && java.util.Objects.equals(r.location, location);
    }

    @Override
    public int hashCode() {
      return 31 * status + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
      return "Response[status=" + status + ", contentType=" + contentType + ", location="
          + location + ", size=" + body.length + "]";
    }
  }

  /** No usable response. */
  record Failure(Kind kind, String message) implements FetchResult {}

  /** Why there was no response. */
  enum Kind {
    /** Connecting or answering took too long: possibly temporary. */
    TIMEOUT,
    /** TLS failed: untrusted, expired or mismatched certificate, or no common protocol. */
    CERTIFICATE,
    /** The host name did not resolve, or the connection was refused or reset. */
    CONNECTION,
    /** The body is larger than the cap. */
    TOO_LARGE,
    /** The URL is not https: nothing was sent. */
    NOT_HTTPS
  }
}
