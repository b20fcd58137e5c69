package dev.vigie.web;

import dev.vigie.dns.psl.DomainNames;
import dev.vigie.store.AccountSql;
import dev.vigie.store.ApiTokenSql;
import dev.vigie.store.TenantSql;
import dev.vigie.web.auth.Secrets;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.sql.Connection;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one place tenant scope is enforced. Before every matched route it resolves the caller (a
 * bearer token or the session cookie), checks the route's declared {@link Scope} against it,
 * checks the CSRF token of every browser write, and stores the result as {@link Scoped}. A route
 * without a scope is refused (fail closed).
 */
public final class Guard {
  private final WebApp app;

  Guard(WebApp app) {
    this.app = app;
  }

  void before(Context ctx) {
    ctx.attribute("vigie.app", app);
    Endpoint e = ctx.endpoints().matchedHttpEndpoint();
    RouteSpec spec = e == null ? null : e.metadata(RouteSpec.class);
    if (spec == null) {
      ctx.attribute(Scoped.KEY, new Scoped(null, 0, null, null, Messages.of(acceptLanguage(ctx))));
      throw WebError.notFound();
    }
    Instant now = app.clock().instant();
    app.db().with(c -> {
      Caller caller = resolveCaller(ctx, c, now);
      Messages msg = language(ctx, c, caller);
      ctx.attribute(Scoped.KEY, new Scoped(caller, caller == null ? 0 : caller.tenantId(), null,
          null, msg));
      ctx.attribute("vigie.api", spec.api());
      Scoped scoped = check(ctx, c, spec, caller, msg);
      ctx.attribute(Scoped.KEY, scoped);
      if (spec.writes()) {
        checkCsrf(ctx, spec, caller);
      }
      return null;
    });
  }

  private Scoped check(Context ctx, Connection c, RouteSpec spec, @Nullable Caller caller,
      Messages msg) {
    Scope scope = spec.scope();
    if (scope instanceof Scope.Public) {
      return new Scoped(caller, caller == null ? 0 : caller.tenantId(), null, null, msg);
    }
    if (caller == null) {
      throw new WebError(401, "error.signin-required");
    }
    if (scope instanceof Scope.SigningIn) {
      return new Scoped(caller, caller.tenantId(), null, null, msg);
    }
    if (!caller.fullySignedIn()) {
      throw new WebError(401, "error.signin-required");
    }
    long t = caller.tenantId();
    boolean writeChecked = scope instanceof Scope.Tenant || scope instanceof Scope.Admin
        || scope instanceof Scope.Client || scope instanceof Scope.Domain;
    if (writeChecked && spec.writes() && !caller.canWrite()) {
      throw WebError.forbidden();
    }
    return switch (scope) {
      case Scope.Account a -> new Scoped(caller, t, caller.clientId(), null, msg);
      case Scope.Tenant a -> {
        if (!caller.staff()) {
          throw WebError.forbidden();
        }
        yield new Scoped(caller, t, null, null, msg);
      }
      case Scope.Admin a -> {
        if (!caller.admin()) {
          throw WebError.forbidden();
        }
        yield new Scoped(caller, t, null, null, msg);
      }
      case Scope.Client cs -> {
        long id;
        try {
          id = Long.parseLong(ctx.pathParam(cs.pathParam()));
        } catch (NumberFormatException ex) {
          throw WebError.notFound();
        }
        if ((caller.clientId() != null && caller.clientId() != id)
            || app.ownerCache().get(t + " #" + id, () -> TenantSql.clientExists(c, t, id)
                ? Optional.of(id) : Optional.empty()).isEmpty()) {
          throw WebError.notFound();
        }
        yield new Scoped(caller, t, id, null, msg);
      }
      case Scope.Domain ds -> {
        String d = DomainNames.normalise(ctx.pathParam(ds.pathParam()));
        if (d == null) {
          throw WebError.notFound();
        }
        Optional<Long> owner = app.ownerCache().get(t + " " + d,
            () -> TenantSql.domainOwner(c, t, d));
        if (owner.isEmpty()
            || (caller.clientId() != null && !caller.clientId().equals(owner.get()))) {
          throw WebError.notFound();
        }
        yield new Scoped(caller, t, owner.get(), d, msg);
      }
      default -> throw WebError.notFound();
    };
  }

  private @Nullable Caller resolveCaller(Context ctx, Connection c, Instant now) {
    String auth = ctx.header("Authorization");
    if (auth != null) {
      return bearer(c, auth, now);
    }
    return app.sessions().resolve(ctx, c, now).map(live -> {
      AccountSql.User u = live.user();
      Role r = Role.fromStored(u.role());
      if (r == null || r == Role.API_TOKEN) {
        return null;
      }
      return new Caller(u.tenantId(), u.userId(), null, u.displayName() + " <" + u.email() + ">",
          r, r == Role.CLIENT_VIEWER ? u.clientId() : null, r != Role.CLIENT_VIEWER,
          live.session(), u.email());
    }).orElse(null);
  }

  /** {@code Bearer vgt_<tenant>_<secret>}; anything else is refused, never ignored. */
  private @Nullable Caller bearer(Connection c, String header, Instant now) {
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new WebError(401, "error.bad-token");
    }
    String token = header.substring(7).strip();
    String[] parts = token.split("_", 3);
    if (parts.length != 3 || !parts[0].equals("vgt")) {
      throw new WebError(401, "error.bad-token");
    }
    long tenant;
    try {
      tenant = Long.parseLong(parts[1]);
    } catch (NumberFormatException e) {
      throw new WebError(401, "error.bad-token");
    }
    String hash = Secrets.sha256(token);
    ApiTokenSql.Token t = app.tokenCache().get(hash, () -> ApiTokenSql.active(c, tenant, hash))
        .orElseThrow(() -> new WebError(401, "error.bad-token"));
    if (t.lastUsedAt() == null || t.lastUsedAt().isBefore(now.minusSeconds(60))) {
      ApiTokenSql.touch(c, tenant, t.tokenId(), now);
    }
    return new Caller(tenant, null, t.tokenId(), "token " + t.label() + " #" + t.tokenId(),
        Role.API_TOKEN, t.clientId(), t.canWrite(), null, null);
  }

  private void checkCsrf(Context ctx, RouteSpec spec, @Nullable Caller caller) {
    if (caller != null && caller.session() == null) {
      return; // bearer tokens carry no ambient authority: nothing to forge
    }
    String sent = ctx.header("X-CSRF-Token");
    if (sent == null) {
      sent = ctx.formParam("_csrf");
    }
    String expected = caller != null ? caller.session().csrfToken()
        : app.sessions().preCsrfCookie(ctx);
    if (expected == null || sent == null || !Secrets.same(expected, sent)) {
      throw new WebError(403, "error.csrf");
    }
  }

  /** User's choice, else the viewer's client's language, else the browser's choice, else English. */
  private Messages language(Context ctx, Connection c, @Nullable Caller caller) {
    if (caller != null && caller.userId() != null) {
      Optional<AccountSql.User> u = app.read("user " + caller.tenantId() + " " + caller.userId(),
          () -> AccountSql.user(c, caller.tenantId(), caller.userId()));
      if (u.isPresent() && Messages.supported(u.get().lang())) {
        return Messages.of(u.get().lang());
      }
      if (caller.clientId() != null) {
        Optional<TenantSql.Client> cl = app.read("client " + caller.tenantId() + " "
            + caller.clientId(), () -> TenantSql.client(c, caller.tenantId(), caller.clientId()));
        if (cl.isPresent() && Messages.supported(cl.get().lang())) {
          return Messages.of(cl.get().lang());
        }
      }
    }
    String cookie = ctx.cookie("vigie_lang");
    if (Messages.supported(cookie)) {
      return Messages.of(cookie);
    }
    if (caller != null) {
      Optional<TenantSql.Tenant> t = app.read("tenant " + caller.tenantId(),
          () -> TenantSql.tenant(c, caller.tenantId()));
      if (t.isPresent() && Messages.supported(t.get().lang())) {
        return Messages.of(t.get().lang());
      }
    }
    return Messages.of(acceptLanguage(ctx));
  }

  static String acceptLanguage(Context ctx) {
    String h = ctx.header("Accept-Language");
    if (h != null) {
      for (String part : h.split(",")) {
        String tag = part.split(";")[0].strip().toLowerCase(Locale.ROOT);
        String lang = tag.length() >= 2 ? tag.substring(0, 2) : tag;
        if (Messages.supported(lang)) {
          return lang;
        }
      }
    }
    return "en";
  }
}
