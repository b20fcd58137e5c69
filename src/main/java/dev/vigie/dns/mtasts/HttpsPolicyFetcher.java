package dev.vigie.dns.mtasts;

import dev.vigie.dns.mtasts.FetchResult.Failure;
import dev.vigie.dns.mtasts.FetchResult.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * Fetches policy files over HTTPS as RFC 8461 §3.3 asks: HTTPS only, certificates validated
 * against the JDK trust store with host-name checking (the JDK client's default), redirects
 * returned and never followed, no cache, a one-minute limit and a 64 KB body cap (the timeout and
 * size §3.3 suggests). Never throws.
 */
public final class HttpsPolicyFetcher implements PolicyFetcher {

  /** RFC 8461 §3.3: "a suggested maximum policy size 64 kilobytes". */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  /** RFC 8461 §3.3: "A suggested timeout is one minute". */
  static final Duration TOTAL_TIMEOUT = Duration.ofMinutes(1);

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client;
  private final Duration timeout;

  /** Trusts the JDK's default trust store. */
  public HttpsPolicyFetcher() {
    this(defaultContext());
  }

  /** For tests: trusts what {@code ssl} trusts, e.g. a self-signed test certificate. */
  HttpsPolicyFetcher(SSLContext ssl) {
    this(HttpClient.newBuilder()
        .sslContext(ssl)
        .followRedirects(HttpClient.Redirect.NEVER) // RFC 8461 §3.3: 3xx MUST NOT be followed
        .connectTimeout(CONNECT_TIMEOUT)
        .build(), TOTAL_TIMEOUT);
  }

  /** For tests: a ready client, which must not follow redirects. */
  HttpsPolicyFetcher(HttpClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  @Override
  public FetchResult fetch(URI uri) {
    if (!"https".equals(String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT))) {
      return new Failure(Kind.NOT_HTTPS, uri + " is not an https URL");
    }
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
          .header("Accept", "text/plain").build();
    } catch (IllegalArgumentException e) {
      return new Failure(Kind.CONNECTION, "unusable URL " + uri + ": " + e.getMessage());
    }
    CompletableFuture<HttpResponse<byte[]>> pending =
        client.sendAsync(request, info -> new CappedBody(MAX_BODY_BYTES));
    try {
      // The request timeout covers only the headers; this bounds the body too.
      HttpResponse<byte[]> response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new FetchResult.Response(response.statusCode(),
          response.headers().firstValue("content-type").orElse(null),
          response.headers().firstValue("location").orElse(null), response.body());
    } catch (TimeoutException e) {
      pending.cancel(true);
      return new Failure(Kind.TIMEOUT, "no complete answer from " + uri.getHost() + " within "
          + timeout.toSeconds() + " s");
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      return new Failure(Kind.TIMEOUT, "interrupted while fetching " + uri);
    } catch (ExecutionException e) {
      return classify(uri, e.getCause() == null ? e : e.getCause());
    }
  }

  static Failure classify(URI uri, Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof CappedBody.TooLargeException) {
        return new Failure(Kind.TOO_LARGE, uri + ": " + t.getMessage());
      }
      if (t instanceof HttpTimeoutException) {
        return new Failure(Kind.TIMEOUT, uri.getHost() + ": " + t.getMessage());
      }
      if (t instanceof SSLException || t instanceof GeneralSecurityException) {
        return new Failure(Kind.CERTIFICATE, uri.getHost() + ": " + rootMessage(t));
      }
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return new Failure(Kind.CONNECTION, uri.getHost() + " does not resolve");
      }
      if (t instanceof ConnectException) {
        return new Failure(Kind.CONNECTION, uri.getHost() + ": connection refused or failed");
      }
    }
    String what = error instanceof IOException ? "connection failed" : "fetch failed";
    return new Failure(Kind.CONNECTION, uri.getHost() + ": " + what + " (" + rootMessage(error)
        + ")");
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null ? root.getClass().getSimpleName() : message;
  }

  private static SSLContext defaultContext() {
    try {
      return SSLContext.getDefault();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no default TLS context", e);
    }
  }
}
