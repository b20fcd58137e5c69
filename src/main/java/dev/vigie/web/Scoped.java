package dev.vigie.web;

import io.javalin.http.Context;
import org.jspecify.annotations.Nullable;

/**
 * The scope {@link Guard} resolved for this request. Handlers take the tenant, client and domain
 * from here, never from the request: {@code client} and {@code domain} were checked to belong to
 * the caller's tenant (and to the caller's client when the caller is restricted to one).
 */
public record Scoped(@Nullable Caller caller, long tenant, @Nullable Long client,
    @Nullable String domain, Messages msg) {
  static final String KEY = "vigie.scoped";

  public static Scoped of(Context ctx) {
    Scoped s = ctx.attribute(KEY);
    if (s == null) {
      throw new IllegalStateException("no resolved scope: route registered outside ScopedRouter?");
    }
    return s;
  }

  public Caller who() {
    if (caller == null) {
      throw new WebError(401, "error.signin-required");
    }
    return caller;
  }

  public long clientId() {
    if (client == null) {
      throw new IllegalStateException("not a client-scoped route");
    }
    return client;
  }

  public String domainName() {
    if (domain == null) {
      throw new IllegalStateException("not a domain-scoped route");
    }
    return domain;
  }
}
