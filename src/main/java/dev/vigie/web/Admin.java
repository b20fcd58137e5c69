package dev.vigie.web;

import dev.vigie.store.AccountSql;
import dev.vigie.store.ApiTokenSql;
import dev.vigie.store.TenantSql;
import dev.vigie.web.auth.Secrets;
import io.javalin.http.Context;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** The admin actions shared by pages and API: invitations and API tokens. */
public final class Admin {
  static final Duration INVITATION_LIFETIME = Duration.ofDays(7);

  private Admin() {}

  /** An invitation link for {@code email}; a viewer invitation names the client it may see. */
  public static String invite(WebApp app, Context ctx, String email, Role role,
      @Nullable Long clientId) {
    Scoped s = Scoped.of(ctx);
    if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 320) {
      throw WebError.badRequest("error.email");
    }
    if (role == Role.API_TOKEN) {
      throw WebError.badRequest("error.role");
    }
    Long client = role == Role.CLIENT_VIEWER ? clientId : null;
    if (role == Role.CLIENT_VIEWER && (client == null
        || !app.db().with(c -> TenantSql.clientExists(c, s.tenant(), client)))) {
      throw WebError.badRequest("error.client");
    }
    if (app.db().with(c -> AccountSql.userByEmail(c, email)).isPresent()) {
      throw new WebError(409, "error.user-exists");
    }
    String secret = Secrets.random();
    long id = app.db().with(c -> AccountSql.createInvitation(c, s.tenant(), Secrets.sha256(secret),
        email, role.stored(), client, s.who().userId() == null ? 0 : s.who().userId(), app.now(),
        app.now().plus(INVITATION_LIFETIME)));
    app.audit(ctx, "invitation.create", email, role.stored()
        + (client == null ? "" : ", client " + client) + ", invitation " + id);
    return app.settings().publicUrl().replaceAll("/+$", "") + "/invite/" + s.tenant() + "/"
        + secret;
  }

  /** A new token; the secret is shown once and only its hash is kept. */
  public record NewToken(long id, String secret) {}

  public static NewToken createToken(WebApp app, Context ctx, String label,
      @Nullable Long clientId, boolean canWrite) {
    Scoped s = Scoped.of(ctx);
    if (label.isBlank() || label.length() > 100) {
      throw WebError.badRequest("error.label");
    }
    if (clientId != null && !app.db().with(c -> TenantSql.clientExists(c, s.tenant(), clientId))) {
      throw WebError.badRequest("error.client");
    }
    String secret = "vgt_" + s.tenant() + "_" + Secrets.random();
    long id = app.db().with(c -> ApiTokenSql.create(c, s.tenant(), Secrets.sha256(secret), label,
        clientId, canWrite, s.who().userId() == null ? 0 : s.who().userId(), app.now()));
    app.audit(ctx, "token.create", label, "token " + id + (canWrite ? ", read-write" : ", read-only")
        + (clientId == null ? ", all clients" : ", client " + clientId));
    return new NewToken(id, secret);
  }

  public static void revokeToken(WebApp app, Context ctx, long tokenId) {
    Scoped s = Scoped.of(ctx);
    if (!app.db().with(c -> ApiTokenSql.revoke(c, s.tenant(), tokenId, app.now()))) {
      throw WebError.notFound();
    }
    app.tokenCache().clear(); // only hashes are cached: drop them all, the next calls refill
    app.audit(ctx, "token.revoke", "token " + tokenId, null);
  }
}
