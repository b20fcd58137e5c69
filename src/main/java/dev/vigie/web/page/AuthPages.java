package dev.vigie.web.page;

import dev.vigie.store.AccountSql;
import dev.vigie.store.AuditSql;
import dev.vigie.web.Caller;
import dev.vigie.web.Html;
import dev.vigie.web.Layout;
import dev.vigie.web.Messages;
import dev.vigie.web.Role;
import dev.vigie.web.Scope;
import dev.vigie.web.ScopedRouter;
import dev.vigie.web.Scoped;
import dev.vigie.web.WebApp;
import dev.vigie.web.WebError;
import dev.vigie.web.auth.Passwords;
import dev.vigie.web.auth.SecretBox;
import dev.vigie.web.auth.Secrets;
import dev.vigie.web.auth.Totp;
import io.javalin.http.Context;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Signing in (password, then TOTP), first-run setup, invitations, signing out, the language switch
 * and the caller's own account. Five failed attempts lock an account for 15 minutes (password and
 * code failures both count); 30 failures from one address in 15 minutes refuse that address.
 */
public final class AuthPages {
  static final int MAX_FAILURES = 5;
  static final Duration LOCK = Duration.ofMinutes(15);
  static final int MAX_IP_FAILURES = 30;

  private final WebApp app;

  public AuthPages(WebApp app) {
    this.app = app;
  }

  public void register(ScopedRouter r) {
    r.get("/", Scope.ACCOUNT, this::home);
    r.get("/login", Scope.PUBLIC, ctx -> loginForm(ctx, null, 200));
    r.post("/login", Scope.PUBLIC, this::login);
    r.get("/login/totp", Scope.SIGNING_IN, ctx -> totpForm(ctx, null, 200));
    r.post("/login/totp", Scope.SIGNING_IN, this::totp);
    r.get("/account/2fa", Scope.SIGNING_IN, ctx -> enrolForm(ctx, null, null, 200));
    r.post("/account/2fa", Scope.SIGNING_IN, this::enrol);
    r.post("/logout", Scope.SIGNING_IN, this::logout);
    r.get("/setup/{tenant}/{token}", Scope.PUBLIC, ctx -> setupForm(ctx, null, 200));
    r.post("/setup/{tenant}/{token}", Scope.PUBLIC, this::setup);
    r.get("/invite/{tenant}/{token}", Scope.PUBLIC, ctx -> inviteForm(ctx, null, 200));
    r.post("/invite/{tenant}/{token}", Scope.PUBLIC, this::accept);
    r.get("/lang/{lang}", Scope.PUBLIC, this::language);
    r.get("/account", Scope.ACCOUNT, this::account);
    r.post("/account/language", Scope.ACCOUNT, this::setLanguage);
    r.post("/account/password", Scope.ACCOUNT, this::setPassword);
  }

  private void home(Context ctx) {
    Caller c = Scoped.of(ctx).who();
    ctx.redirect(c.staff() ? "/overview" : c.clientId() != null ? "/clients/" + c.clientId()
        : "/account");
  }

  // sign-in

  private void loginForm(Context ctx, @Nullable String error, int status) {
    Messages m = Pages.msg(ctx);
    ctx.status(status);
    Pages.render(app, ctx, m.get("signin.title"), h -> {
      h.open("section", "class", "narrow");
      h.el("h1", m.get("signin.title"));
      Pages.error(h, error);
      h.open("form", "method", "post", "action", "/login");
      Layout.csrf(h, ctx);
      h.empty("input", "type", "hidden", "name", "next", "value",
          Pages.safeNext(ctx.queryParam("next"), Pages.safeNext(ctx.formParam("next"), "/")));
      Layout.field(h, "email", m.get("field.email"), "email", ctx.formParam("email"), true,
          "autocomplete", "username");
      Layout.field(h, "password", m.get("field.password"), "password", null, true,
          "autocomplete", "current-password");
      Pages.submit(h, m.get("signin.submit"));
      h.close("form").close("section");
    });
  }

  private void login(Context ctx) {
    Messages m = Pages.msg(ctx);
    String email = Pages.form(ctx, "email", 320);
    String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
    Instant now = app.now();
    String ip = ctx.ip();
    record Outcome(int status, @Nullable String error, AccountSql.@Nullable User user) {}
    Outcome o = app.db().with(c -> {
      if (AccountSql.failedAttemptsFromIp(c, ip, now.minus(LOCK)) >= MAX_IP_FAILURES) {
        return new Outcome(429, m.get("signin.too-many"), null);
      }
      Optional<AccountSql.User> found = AccountSql.userByEmail(c, email);
      if (found.isEmpty() || found.get().disabledAt() != null || password.length() > 256) {
        Passwords.verifyDummy(password);
        AccountSql.recordAttempt(c, email, ip, false, now);
        return new Outcome(401, m.get("signin.failed"), null);
      }
      AccountSql.User u = found.get();
      boolean locked = u.lockedUntil() != null && u.lockedUntil().isAfter(now);
      boolean ok = Passwords.verify(password, u.passwordHash());
      if (locked || !ok) {
        AccountSql.recordAttempt(c, email, ip, false, now);
        if (!locked) {
          fail(c, u, now);
        }
        AuditSql.record(c, u.tenantId(), u.email(), locked ? "signin.locked" : "signin.failed",
            u.email(), null, ip, now);
        return new Outcome(401, m.get("signin.failed"), null);
      }
      AccountSql.recordAttempt(c, email, ip, true, now);
      return new Outcome(200, null, u);
    });
    if (o.user() == null) {
      loginForm(ctx, o.error(), o.status());
      return;
    }
    AccountSql.User u = o.user();
    String stage = u.totpSecret() != null ? "totp"
        : Role.CLIENT_VIEWER.stored().equals(u.role()) ? "full" : "enrol";
    app.db().with(c -> {
      if (stage.equals("full")) {
        AccountSql.clearFailures(c, u.tenantId(), u.userId());
        AuditSql.record(c, u.tenantId(), u.email(), "signin", u.email(), "password only", ip, now);
      }
      app.sessions().start(ctx, c, u, stage, now);
      return null;
    });
    String next = Pages.safeNext(ctx.formParam("next"), "/");
    ctx.redirect(switch (stage) {
      case "totp" -> "/login/totp?next=" + java.net.URLEncoder.encode(next,
          java.nio.charset.StandardCharsets.UTF_8);
      case "enrol" -> "/account/2fa";
      default -> next;
    });
  }

  private static void fail(Connection c, AccountSql.User u, Instant now) {
    int failures = u.failedLogins() + 1;
    AccountSql.recordFailure(c, u.tenantId(), u.userId(),
        failures >= MAX_FAILURES ? 0 : failures, failures >= MAX_FAILURES ? now.plus(LOCK) : null);
  }

  private void totpForm(Context ctx, @Nullable String error, int status) {
    Messages m = Pages.msg(ctx);
    Caller who = Scoped.of(ctx).who();
    if (who.session() == null || !"totp".equals(who.session().stage())) {
      ctx.redirect("/");
      return;
    }
    AccountSql.User u = app.db().with(c -> AccountSql.user(c, who.tenantId(), who.userId()))
        .orElseThrow(WebError::notFound);
    if (!readable(u)) {
      unreadable(ctx);
      return;
    }
    ctx.status(status);
    Pages.render(app, ctx, m.get("totp.title"), h -> {
      h.open("section", "class", "narrow");
      h.el("h1", m.get("totp.title"));
      h.el("p", m.get("totp.help"));
      Pages.error(h, error);
      h.open("form", "method", "post", "action", "/login/totp");
      Layout.csrf(h, ctx);
      h.empty("input", "type", "hidden", "name", "next", "value",
          Pages.safeNext(ctx.queryParam("next"), "/"));
      Layout.field(h, "code", m.get("field.code"), "text", null, true, "inputmode", "numeric",
          "autocomplete", "one-time-code", "pattern", "[0-9 ]{6,7}", "autofocus", "autofocus");
      Pages.submit(h, m.get("totp.submit"));
      h.close("form").close("section");
    });
  }

  private void totp(Context ctx) {
    Messages m = Pages.msg(ctx);
    Caller who = Scoped.of(ctx).who();
    if (who.session() == null || !"totp".equals(who.session().stage())) {
      ctx.redirect("/");
      return;
    }
    String code = Pages.form(ctx, "code", 20);
    Instant now = app.now();
    String result = app.db().with(c -> {
      AccountSql.User u = AccountSql.user(c, who.tenantId(), who.userId()).orElseThrow();
      if (u.lockedUntil() != null && u.lockedUntil().isAfter(now)) {
        app.sessions().end(ctx, c);
        return "locked";
      }
      OptionalLong step = OptionalLong.empty();
      if (u.totpSecret() != null) {
        String secret;
        try {
          secret = app.totp().open(u);
        } catch (SecretBox.UnreadableException e) {
          // never a bypass: without the secret no code is right; the admin has to act
          AuditSql.record(c, u.tenantId(), u.email(), "signin.totp-unreadable", u.email(),
              e.getMessage(), ctx.ip(), now);
          return "unreadable";
        }
        step = Totp.match(secret, code, now);
      }
      if (step.isEmpty() || !AccountSql.useTotpStep(c, u.tenantId(), u.userId(),
          step.getAsLong())) {
        fail(c, u, now);
        AuditSql.record(c, u.tenantId(), u.email(), "signin.totp-failed", u.email(),
            step.isPresent() ? "code already used" : null, ctx.ip(), now);
        if (u.failedLogins() + 1 >= MAX_FAILURES) {
          app.sessions().end(ctx, c);
          return "locked";
        }
        return "wrong";
      }
      AccountSql.clearFailures(c, u.tenantId(), u.userId());
      app.sessions().start(ctx, c, u, "full", now);
      AuditSql.record(c, u.tenantId(), u.email(), "signin", u.email(), "password and TOTP",
          ctx.ip(), now);
      return "ok";
    });
    switch (result) {
      case "ok" -> ctx.redirect(Pages.safeNext(ctx.formParam("next"), "/"));
      case "locked" -> ctx.redirect("/login");
      case "unreadable" -> unreadable(ctx);
      default -> totpForm(ctx, m.get("totp.wrong"), 401);
    }
  }

  private boolean readable(AccountSql.User u) {
    if (u.totpSecret() == null) {
      return true;
    }
    try {
      app.totp().open(u);
      return true;
    } catch (SecretBox.UnreadableException e) {
      return false;
    }
  }

  /** The TOTP secret cannot be opened with the server key: no way on but the admin. */
  private void unreadable(Context ctx) {
    Messages m = Pages.msg(ctx);
    ctx.status(500);
    Pages.render(app, ctx, m.get("totp.title"), h -> {
      h.open("section", "class", "narrow");
      h.el("h1", m.get("totp.title"));
      Pages.error(h, m.get("totp.unreadable"));
      h.open("form", "method", "post", "action", "/logout");
      Layout.csrf(h, ctx);
      Pages.submit(h, m.get("nav.signout"));
      h.close("form").close("section");
    });
  }

  private void enrolForm(Context ctx, @Nullable String secretIn, @Nullable String error,
      int status) {
    Messages m = Pages.msg(ctx);
    Caller who = Scoped.of(ctx).who();
    if (who.userId() == null || (who.session() != null && "totp".equals(who.session().stage()))) {
      ctx.redirect("/");
      return;
    }
    String secret = secretIn != null ? secretIn : Totp.newSecret();
    String uri = Totp.uri("Vigie", who.email() == null ? "user" : who.email(), secret);
    ctx.status(status);
    Pages.render(app, ctx, m.get("enrol.title"), h -> {
      h.open("section", "class", "narrow");
      h.el("h1", m.get("enrol.title"));
      h.el("p", m.get("enrol.help"));
      Pages.error(h, error);
      h.open("dl", "class", "pairs");
      h.el("dt", m.get("enrol.secret")).open("dd").el("code", secret, "id", "totp-secret")
          .close("dd");
      h.el("dt", m.get("enrol.uri")).open("dd").el("a", uri, "href", uri, "id", "totp-uri")
          .close("dd");
      h.close("dl");
      h.open("form", "method", "post", "action", "/account/2fa");
      Layout.csrf(h, ctx);
      h.empty("input", "type", "hidden", "name", "secret", "value", secret);
      Layout.field(h, "code", m.get("field.code"), "text", null, true, "inputmode", "numeric",
          "autocomplete", "one-time-code");
      Pages.submit(h, m.get("enrol.submit"));
      h.close("form").close("section");
    });
  }

  private void enrol(Context ctx) {
    Messages m = Pages.msg(ctx);
    Caller who = Scoped.of(ctx).who();
    if (who.userId() == null || (who.session() != null && "totp".equals(who.session().stage()))) {
      throw WebError.forbidden();
    }
    String secret = Pages.form(ctx, "secret", 64);
    String code = Pages.form(ctx, "code", 20);
    Instant now = app.now();
    OptionalLong step;
    try {
      step = Totp.match(secret, code, now);
    } catch (IllegalArgumentException e) {
      step = OptionalLong.empty();
    }
    if (secret.length() < 26 || step.isEmpty()) {
      enrolForm(ctx, secret.length() < 26 ? null : secret, m.get("totp.wrong"), 400);
      return;
    }
    long s = step.getAsLong();
    app.db().with(c -> {
      AccountSql.User u = AccountSql.user(c, who.tenantId(), who.userId()).orElseThrow();
      AccountSql.setTotp(c, u.tenantId(), u.userId(),
          app.totp().seal(u.tenantId(), u.userId(), secret), s);
      AuditSql.record(c, u.tenantId(), who.actor(), "user.totp-enrolled", u.email(), null,
          ctx.ip(), now);
      if (who.session() != null && !"full".equals(who.session().stage())) {
        app.sessions().start(ctx, c, u, "full", now);
      }
      return null;
    });
    ctx.redirect("/?done=totp");
  }

  private void logout(Context ctx) {
    Caller who = Scoped.of(ctx).who();
    app.db().with(c -> {
      app.sessions().end(ctx, c);
      AuditSql.record(c, who.tenantId(), who.actor(), "signout", null, null, ctx.ip(), app.now());
      return null;
    });
    ctx.redirect("/login");
  }

  // first run and invitations

  private long tenantParam(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("tenant"));
    } catch (NumberFormatException e) {
      throw WebError.notFound();
    }
  }

  private void setupForm(Context ctx, @Nullable String error, int status) {
    Messages m = Pages.msg(ctx);
    long tenant = tenantParam(ctx);
    String hash = Secrets.sha256(ctx.pathParam("token"));
    if (!app.db().with(c -> AccountSql.setupTokenValid(c, tenant, hash, app.now()))) {
      throw new WebError(404, "setup.invalid");
    }
    ctx.status(status);
    Pages.render(app, ctx, m.get("setup.title"), h -> {
      h.open("section", "class", "narrow");
      h.el("h1", m.get("setup.title"));
      h.el("p", m.get("setup.help"));
      Pages.error(h, error);
      h.open("form", "method", "post", "action", ctx.path());
      Layout.csrf(h, ctx);
      Layout.field(h, "name", m.get("field.name"), "text", ctx.formParam("name"), true);
      Layout.field(h, "email", m.get("field.email"), "email", ctx.formParam("email"), true,
          "autocomplete", "username");
      Layout.field(h, "password", m.get("field.new-password"), "password", null, true,
          "autocomplete", "new-password", "minlength", "12");
      Pages.submit(h, m.get("setup.submit"));
      h.close("form").close("section");
    });
  }

  private void setup(Context ctx) {
    Messages m = Pages.msg(ctx);
    long tenant = tenantParam(ctx);
    String hash = Secrets.sha256(ctx.pathParam("token"));
    String name = Pages.form(ctx, "name", 200);
    String email = Pages.form(ctx, "email", 320);
    String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
    String problem = checkNewAccount(m, name, email, password);
    if (problem != null) {
      setupForm(ctx, problem, 400);
      return;
    }
    Instant now = app.now();
    boolean created = app.db().tx(c -> {
      if (!AccountSql.useSetupToken(c, tenant, hash, now)
          || AccountSql.userByEmail(c, email).isPresent()) {
        return false;
      }
      long id = AccountSql.createUser(c, tenant, email, name, Passwords.hash(password),
          Role.MSP_ADMIN.stored(), null, now);
      AuditSql.record(c, tenant, name + " <" + email + ">", "user.create-admin", email,
          "setup link", ctx.ip(), now);
      app.sessions().start(ctx, c, AccountSql.user(c, tenant, id).orElseThrow(), "enrol", now);
      return true;
    });
    if (!created) {
      throw new WebError(409, "setup.used");
    }
    ctx.redirect("/account/2fa");
  }

  static @Nullable String checkNewAccount(Messages m, String name, String email, String password) {
    if (name.isBlank()) {
      return m.get("error.name-required");
    }
    if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      return m.get("error.email");
    }
    if (!Passwords.acceptable(password)) {
      return m.get("error.password");
    }
    return null;
  }

  private AccountSql.Invitation invitation(Context ctx) {
    long tenant = tenantParam(ctx);
    String hash = Secrets.sha256(ctx.pathParam("token"));
    return app.db().with(c -> AccountSql.openInvitation(c, tenant, hash, app.now()))
        .orElseThrow(() -> new WebError(404, "invite.invalid"));
  }

  private void inviteForm(Context ctx, @Nullable String error, int status) {
    Messages m = Pages.msg(ctx);
    AccountSql.Invitation inv = invitation(ctx);
    ctx.status(status);
    Pages.render(app, ctx, m.get("invite.title"), h -> {
      h.open("section", "class", "narrow");
      h.el("h1", m.get("invite.title"));
      h.el("p", m.get("invite.help", inv.email(), m.get("role." + inv.role())));
      Pages.error(h, error);
      h.open("form", "method", "post", "action", ctx.path());
      Layout.csrf(h, ctx);
      Layout.field(h, "name", m.get("field.name"), "text", ctx.formParam("name"), true);
      Layout.field(h, "password", m.get("field.new-password"), "password", null, true,
          "autocomplete", "new-password", "minlength", "12");
      Pages.submit(h, m.get("invite.submit"));
      h.close("form").close("section");
    });
  }

  private void accept(Context ctx) {
    Messages m = Pages.msg(ctx);
    AccountSql.Invitation inv = invitation(ctx);
    String name = Pages.form(ctx, "name", 200);
    String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
    String problem = checkNewAccount(m, name, inv.email(), password);
    if (problem != null) {
      inviteForm(ctx, problem, 400);
      return;
    }
    Instant now = app.now();
    boolean viewer = Role.CLIENT_VIEWER.stored().equals(inv.role());
    boolean ok = app.db().tx(c -> {
      if (!AccountSql.acceptInvitation(c, inv.tenantId(), inv.invitationId(), now)
          || AccountSql.userByEmail(c, inv.email()).isPresent()) {
        return false;
      }
      long id = AccountSql.createUser(c, inv.tenantId(), inv.email(), name,
          Passwords.hash(password), inv.role(), inv.clientId(), now);
      AuditSql.record(c, inv.tenantId(), name + " <" + inv.email() + ">", "invitation.accepted",
          inv.email(), inv.role(), ctx.ip(), now);
      app.sessions().start(ctx, c, AccountSql.user(c, inv.tenantId(), id).orElseThrow(),
          viewer ? "full" : "enrol", now);
      return true;
    });
    if (!ok) {
      throw new WebError(409, "invite.invalid");
    }
    ctx.redirect(viewer ? "/" : "/account/2fa");
  }

  // language and account

  private void language(Context ctx) {
    String lang = ctx.pathParam("lang");
    if (!Messages.supported(lang)) {
      throw WebError.notFound();
    }
    app.sessions();
    ctx.res().addHeader("Set-Cookie", "vigie_lang=" + lang + "; Path=/; Max-Age=31536000;"
        + " SameSite=Lax" + (app.settings().secureCookies() ? "; Secure" : ""));
    ctx.redirect(Pages.safeNext(ctx.queryParam("next"), "/"));
  }

  private void account(Context ctx) {
    Messages m = Pages.msg(ctx);
    Caller who = Scoped.of(ctx).who();
    if (who.userId() == null) {
      ctx.json(java.util.Map.of("actor", who.actor()));
      return;
    }
    AccountSql.User u = app.db().with(c -> AccountSql.user(c, who.tenantId(), who.userId()))
        .orElseThrow(WebError::notFound);
    Pages.render(app, ctx, m.get("account.title"), h -> {
      h.el("h1", m.get("account.title"));
      Pages.notice(h, ctx);
      h.open("dl", "class", "pairs");
      h.el("dt", m.get("field.name")).el("dd", u.displayName());
      h.el("dt", m.get("field.email")).el("dd", u.email());
      h.el("dt", m.get("field.role")).el("dd", m.get("role." + u.role()));
      h.el("dt", m.get("account.totp")).el("dd", u.totpSecret() != null
          ? m.get("account.totp-on") : m.get("account.totp-off"));
      h.close("dl");
      h.open("p").el("a", m.get(u.totpSecret() != null ? "account.totp-reset"
          : "account.totp-enrol"), "href", "/account/2fa", "class", "button").close("p");
      h.el("h2", m.get("account.language"));
      h.open("form", "method", "post", "action", "/account/language");
      Layout.csrf(h, ctx);
      languageSelect(h, m, "lang", u.lang(), true);
      Pages.submit(h, m.get("action.save"));
      h.close("form");
      h.el("h2", m.get("account.password"));
      h.open("form", "method", "post", "action", "/account/password");
      Layout.csrf(h, ctx);
      Layout.field(h, "current", m.get("field.current-password"), "password", null, true,
          "autocomplete", "current-password");
      Layout.field(h, "password", m.get("field.new-password"), "password", null, true,
          "autocomplete", "new-password", "minlength", "12");
      Pages.submit(h, m.get("action.save"));
      h.close("form");
    });
  }

  /** A language select; with {@code allowDefault} an empty choice ("organisation's default"). */
  static void languageSelect(Html h, Messages m, String id, @Nullable String current,
      boolean allowDefault) {
    h.open("div", "class", "field");
    h.el("label", m.get("field.language"), "for", id);
    h.open("select", "id", id, "name", id);
    if (allowDefault) {
      h.el("option", m.get("language.default"), "value", "", "selected",
          current == null ? "selected" : null);
    }
    for (String l : Messages.LANGUAGES) {
      h.el("option", m.get("language." + l), "value", l, "selected",
          l.equals(current) ? "selected" : null);
    }
    h.close("select").close("div");
  }

  private void setLanguage(Context ctx) {
    Caller who = Scoped.of(ctx).who();
    String lang = Pages.form(ctx, "lang", 5);
    if (!lang.isEmpty() && !Messages.supported(lang)) {
      throw WebError.badRequest("error.language");
    }
    if (who.userId() != null) {
      app.db().with(c -> {
        AccountSql.setLanguage(c, who.tenantId(), who.userId(), lang.isEmpty() ? null : lang);
        return null;
      });
      app.audit(ctx, "user.language", who.email(), lang.isEmpty() ? "default" : lang);
    }
    ctx.redirect(Pages.safeNext(ctx.formParam("next"), "/account?done=saved"));
  }

  private void setPassword(Context ctx) {
    Messages m = Pages.msg(ctx);
    Caller who = Scoped.of(ctx).who();
    if (who.userId() == null) {
      throw WebError.forbidden();
    }
    String current = ctx.formParam("current") == null ? "" : ctx.formParam("current");
    String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
    AccountSql.User u = app.db().with(c -> AccountSql.user(c, who.tenantId(), who.userId()))
        .orElseThrow(WebError::notFound);
    if (!Passwords.verify(current, u.passwordHash())) {
      throw new WebError(400, "error.current-password");
    }
    if (!Passwords.acceptable(password)) {
      throw new WebError(400, "error.password");
    }
    app.db().with(c -> {
      AccountSql.setPassword(c, u.tenantId(), u.userId(), Passwords.hash(password));
      return null;
    });
    app.audit(ctx, "user.password-changed", u.email(), null);
    ctx.redirect("/account?done=saved");
  }
}
