package dev.vigie.web;

import org.jspecify.annotations.Nullable;

/**
 * An error with an HTTP status and a message key; rendered as application/problem+json (RFC 9457)
 * on API routes and as an error page otherwise.
 */
public final class WebError extends RuntimeException {
  private final int status;
  private final String key;
  private final Object[] args;

  public WebError(int status, String key, Object... args) {
    super(key);
    this.status = status;
    this.key = key;
    this.args = args;
  }

  public int status() {
    return status;
  }

  public String key() {
    return key;
  }

  public Object[] args() {
    return args;
  }

  public static WebError notFound() {
    return new WebError(404, "error.not-found");
  }

  public static WebError forbidden() {
    return new WebError(403, "error.forbidden");
  }

  public static WebError badRequest(String key, @Nullable Object... args) {
    return new WebError(400, key, args);
  }
}
