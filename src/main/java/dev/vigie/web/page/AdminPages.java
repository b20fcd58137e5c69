package dev.vigie.web.page;

import dev.vigie.store.AccountSql;
import dev.vigie.store.ApiTokenSql;
import dev.vigie.store.AuditSql;
import dev.vigie.store.TenantSql;
import dev.vigie.web.Admin;
import dev.vigie.web.Html;
import dev.vigie.web.Layout;
import dev.vigie.web.Messages;
import dev.vigie.web.Role;
import dev.vigie.web.Scope;
import dev.vigie.web.ScopedRouter;
import dev.vigie.web.Scoped;
import dev.vigie.web.WebApp;
import dev.vigie.web.WebError;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** MSP admin screens: people and invitations, API tokens, the audit log, settings. */
public final class AdminPages {
  private final WebApp app;

  public AdminPages(WebApp app) {
    this.app = app;
  }

  public void register(ScopedRouter r) {
    r.get("/admin/users", Scope.ADMIN, ctx -> users(ctx, null));
    r.post("/admin/invitations", Scope.ADMIN, this::invite);
    r.post("/admin/invitations/{id}/revoke", Scope.ADMIN, this::revokeInvitation);
    r.post("/admin/users/{userId}/disable", Scope.ADMIN, ctx -> disable(ctx, true));
    r.post("/admin/users/{userId}/enable", Scope.ADMIN, ctx -> disable(ctx, false));
    r.get("/admin/tokens", Scope.ADMIN, ctx -> tokens(ctx, null));
    r.post("/admin/tokens", Scope.ADMIN, this::createToken);
    r.post("/admin/tokens/{tokenId}/revoke", Scope.ADMIN, this::revokeToken);
    r.get("/admin/audit", Scope.ADMIN, this::audit);
    r.get("/admin/settings", Scope.ADMIN, this::settings);
    r.post("/admin/settings", Scope.ADMIN, this::saveSettings);
  }

  private static long idParam(Context ctx, String name) {
    try {
      return Long.parseLong(ctx.pathParam(name));
    } catch (NumberFormatException e) {
      throw WebError.notFound();
    }
  }

  private void users(Context ctx, @Nullable String link) {
    Scoped s = Scoped.of(ctx);
    Messages m = s.msg();
    List<AccountSql.User> users = app.db().with(c -> AccountSql.users(c, s.tenant()));
    List<AccountSql.Invitation> invites = app.db().with(c -> AccountSql.invitations(c, s.tenant()));
    Map<Long, String> clients = clientNames(s.tenant());
    Pages.render(app, ctx, m.get("users.title"), h -> {
      h.el("h1", m.get("users.title"));
      Pages.notice(h, ctx);
      if (link != null) {
        h.open("div", "class", "notice", "role", "status").el("p", m.get("users.link-once"))
            .el("code", link, "id", "invite-link", "class", "copy").close("div");
      }
      h.open("div", "class", "scroll").open("table", "class", "grid");
      h.open("thead").open("tr").el("th", m.get("field.name"), "scope", "col")
          .el("th", m.get("field.email"), "scope", "col").el("th", m.get("field.role"), "scope", "col")
          .el("th", m.get("users.totp"), "scope", "col").el("th", m.get("users.state"), "scope", "col")
          .el("th", "", "scope", "col").close("tr").close("thead").open("tbody");
      for (AccountSql.User u : users) {
        h.open("tr").el("td", u.displayName()).el("td", u.email())
            .el("td", m.get("role." + u.role()) + (u.clientId() == null ? ""
                : " · " + clients.getOrDefault(u.clientId(), "?")))
            .el("td", m.get(u.totpSecret() != null ? "account.totp-on" : "account.totp-off"))
            .el("td", u.disabledAt() != null ? m.get("users.disabled") : m.get("users.active"));
        h.open("td");
        if (!Long.valueOf(u.userId()).equals(s.who().userId())) {
          boolean disabled = u.disabledAt() != null;
          h.open("form", "method", "post", "action", "/admin/users/" + u.userId()
              + (disabled ? "/enable" : "/disable"), "class", "inline");
          Layout.csrf(h, ctx);
          h.el("button", m.get(disabled ? "users.enable" : "users.disable"), "type", "submit",
              "class", "link");
          h.close("form");
        }
        h.close("td").close("tr");
      }
      h.close("tbody").close("table").close("div");
      h.el("h2", m.get("users.invite"));
      h.open("form", "method", "post", "action", "/admin/invitations", "class", "card");
      Layout.csrf(h, ctx);
      Layout.field(h, "email", m.get("field.email"), "email", null, true);
      h.open("div", "class", "field").el("label", m.get("field.role"), "for", "role");
      h.open("select", "id", "role", "name", "role");
      for (Role r : Role.people()) {
        h.el("option", m.get("role." + r.stored()), "value", r.stored());
      }
      h.close("select").close("div");
      clientSelect(h, m, clients, true);
      Pages.submit(h, m.get("users.invite-submit"));
      h.close("form");
      h.el("h2", m.get("users.invitations"));
      h.open("div", "class", "scroll").open("table", "class", "grid");
      h.open("thead").open("tr").el("th", m.get("field.email"), "scope", "col")
          .el("th", m.get("field.role"), "scope", "col").el("th", m.get("users.state"), "scope", "col")
          .el("th", "", "scope", "col").close("tr").close("thead").open("tbody");
      for (AccountSql.Invitation i : invites) {
        String state = i.acceptedAt() != null ? m.get("users.accepted")
            : i.revokedAt() != null ? m.get("users.revoked")
            : i.expiresAt().isBefore(app.now()) ? m.get("users.expired")
            : m.get("users.pending", Layout.date(i.expiresAt()));
        h.open("tr").el("td", i.email()).el("td", m.get("role." + i.role())).el("td", state);
        h.open("td");
        if (i.acceptedAt() == null && i.revokedAt() == null) {
          h.open("form", "method", "post", "action", "/admin/invitations/" + i.invitationId()
              + "/revoke", "class", "inline");
          Layout.csrf(h, ctx);
          h.el("button", m.get("action.revoke"), "type", "submit", "class", "link");
          h.close("form");
        }
        h.close("td").close("tr");
      }
      h.close("tbody").close("table").close("div");
    });
  }

  private Map<Long, String> clientNames(long tenant) {
    return app.db().with(c -> TenantSql.clients(c, tenant)).stream()
        .collect(Collectors.toMap(TenantSql.Client::id, TenantSql.Client::name, (a, b) -> a,
            java.util.LinkedHashMap::new));
  }

  private static void clientSelect(Html h, Messages m, Map<Long, String> clients,
      boolean optional) {
    h.open("div", "class", "field").el("label", m.get("users.client"), "for", "client");
    h.open("select", "id", "client", "name", "client");
    if (optional) {
      h.el("option", m.get("users.all-clients"), "value", "");
    }
    for (var e : clients.entrySet()) {
      h.el("option", e.getValue(), "value", String.valueOf(e.getKey()));
    }
    h.close("select").close("div");
  }

  private static @Nullable Long optionalClient(Context ctx) {
    String v = ctx.formParam("client");
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw WebError.badRequest("error.client");
    }
  }

  private void invite(Context ctx) {
    Role role = Role.fromStored(Pages.form(ctx, "role", 40));
    if (role == null) {
      throw WebError.badRequest("error.role");
    }
    String link = Admin.invite(app, ctx, Pages.form(ctx, "email", 320), role, optionalClient(ctx));
    users(ctx, link);
  }

  private void revokeInvitation(Context ctx) {
    Scoped s = Scoped.of(ctx);
    long id = idParam(ctx, "id");
    if (!app.db().with(c -> AccountSql.revokeInvitation(c, s.tenant(), id, app.now()))) {
      throw WebError.notFound();
    }
    app.audit(ctx, "invitation.revoke", "invitation " + id, null);
    ctx.redirect("/admin/users?done=saved");
  }

  private void disable(Context ctx, boolean disable) {
    Scoped s = Scoped.of(ctx);
    long id = idParam(ctx, "userId");
    AccountSql.User u = app.db().with(c -> AccountSql.user(c, s.tenant(), id))
        .orElseThrow(WebError::notFound);
    if (Long.valueOf(u.userId()).equals(s.who().userId())) {
      throw WebError.badRequest("error.self");
    }
    app.db().with(c -> {
      AccountSql.setDisabled(c, s.tenant(), id, disable ? app.now() : null);
      return null;
    });
    app.audit(ctx, disable ? "user.disable" : "user.enable", u.email(), null);
    ctx.redirect("/admin/users?done=saved");
  }

  private void tokens(Context ctx, Admin.@Nullable NewToken created) {
    Scoped s = Scoped.of(ctx);
    Messages m = s.msg();
    List<ApiTokenSql.Token> tokens = app.db().with(c -> ApiTokenSql.list(c, s.tenant()));
    Map<Long, String> clients = clientNames(s.tenant());
    Pages.render(app, ctx, m.get("tokens.title"), h -> {
      h.el("h1", m.get("tokens.title"));
      Pages.notice(h, ctx);
      h.el("p", m.get("tokens.help"));
      if (created != null) {
        h.open("div", "class", "notice", "role", "status").el("p", m.get("tokens.once"))
            .el("code", created.secret(), "id", "new-token", "class", "copy").close("div");
      }
      h.open("div", "class", "scroll").open("table", "class", "grid");
      h.open("thead").open("tr").el("th", m.get("tokens.label"), "scope", "col")
          .el("th", m.get("tokens.scope"), "scope", "col")
          .el("th", m.get("tokens.last-used"), "scope", "col").el("th", "", "scope", "col")
          .close("tr").close("thead").open("tbody");
      for (ApiTokenSql.Token t : tokens) {
        h.open("tr").el("td", t.label())
            .el("td", m.get(t.canWrite() ? "tokens.read-write" : "tokens.read-only") + " · "
                + (t.clientId() == null ? m.get("users.all-clients")
                    : clients.getOrDefault(t.clientId(), "?")))
            .el("td", t.revokedAt() != null ? m.get("users.revoked") : Layout.time(t.lastUsedAt()));
        h.open("td");
        if (t.revokedAt() == null) {
          h.open("form", "method", "post", "action", "/admin/tokens/" + t.tokenId() + "/revoke",
              "class", "inline");
          Layout.csrf(h, ctx);
          h.el("button", m.get("action.revoke"), "type", "submit", "class", "link");
          h.close("form");
        }
        h.close("td").close("tr");
      }
      h.close("tbody").close("table").close("div");
      h.el("h2", m.get("tokens.new"));
      h.open("form", "method", "post", "action", "/admin/tokens", "class", "card");
      Layout.csrf(h, ctx);
      Layout.field(h, "label", m.get("tokens.label"), "text", null, true, "maxlength", "100");
      clientSelect(h, m, clients, true);
      h.open("div", "class", "field check");
      h.empty("input", "type", "checkbox", "id", "write", "name", "write", "value", "yes");
      h.el("label", m.get("tokens.allow-write"), "for", "write");
      h.close("div");
      Pages.submit(h, m.get("tokens.create"));
      h.close("form");
    });
  }

  private void createToken(Context ctx) {
    Admin.NewToken t = Admin.createToken(app, ctx, Pages.form(ctx, "label", 100),
        optionalClient(ctx), "yes".equals(ctx.formParam("write")));
    tokens(ctx, t);
  }

  private void revokeToken(Context ctx) {
    Admin.revokeToken(app, ctx, idParam(ctx, "tokenId"));
    ctx.redirect("/admin/tokens?done=saved");
  }

  private void audit(Context ctx) {
    Scoped s = Scoped.of(ctx);
    Messages m = s.msg();
    List<AuditSql.Event> events = app.db().with(c -> AuditSql.recent(c, s.tenant(), 500));
    Pages.render(app, ctx, m.get("audit.title"), h -> {
      h.el("h1", m.get("audit.title"));
      h.open("div", "class", "scroll").open("table", "class", "grid");
      h.open("thead").open("tr").el("th", m.get("audit.when"), "scope", "col")
          .el("th", m.get("audit.who"), "scope", "col").el("th", m.get("audit.what"), "scope", "col")
          .el("th", m.get("audit.target"), "scope", "col")
          .el("th", m.get("audit.from"), "scope", "col").close("tr").close("thead").open("tbody");
      for (AuditSql.Event e : events) {
        h.open("tr").el("td", Layout.time(e.at())).el("td", e.actor())
            .el("td", e.action() + (e.detail() == null ? "" : " — " + e.detail()))
            .el("td", e.target()).el("td", e.ip()).close("tr");
      }
      h.close("tbody").close("table").close("div");
    });
  }

  private void settings(Context ctx) {
    Scoped s = Scoped.of(ctx);
    Messages m = s.msg();
    TenantSql.Tenant t = app.db().with(c -> TenantSql.tenant(c, s.tenant()))
        .orElseThrow(WebError::notFound);
    Pages.render(app, ctx, m.get("settings.title"), h -> {
      h.el("h1", m.get("settings.title"));
      Pages.notice(h, ctx);
      h.open("form", "method", "post", "action", "/admin/settings", "class", "card");
      Layout.csrf(h, ctx);
      Layout.field(h, "name", m.get("settings.msp-name"), "text", t.name(), true);
      Layout.field(h, "report_address", m.get("settings.report-address"), "email",
          t.reportAddress(), false, "placeholder", app.settings().reportAddress());
      h.el("p", m.get("settings.report-address-help"), "class", "muted");
      AuthPages.languageSelect(h, m, "lang", t.lang(), true);
      Pages.submit(h, m.get("action.save"));
      h.close("form");
    });
  }

  private void saveSettings(Context ctx) {
    Scoped s = Scoped.of(ctx);
    String name = Pages.form(ctx, "name", 200);
    String address = Pages.form(ctx, "report_address", 320);
    String lang = Pages.form(ctx, "lang", 5);
    if (name.isBlank()) {
      throw WebError.badRequest("error.name-required");
    }
    if (!address.isEmpty() && !address.matches("[^@\\s;,]+@[^@\\s;,]+\\.[^@\\s;,]+")) {
      throw WebError.badRequest("error.email");
    }
    app.db().with(c -> {
      TenantSql.updateTenant(c, s.tenant(), name, address.isEmpty() ? null : address,
          Messages.supported(lang) ? lang : null);
      return null;
    });
    app.audit(ctx, "settings.update", name, "report address " + (address.isEmpty() ? "default"
        : address) + ", language " + (lang.isEmpty() ? "default" : lang));
    ctx.redirect("/admin/settings?done=saved");
  }

  static <T> Map<Long, T> byId(List<T> list, Function<T, Long> id) {
    return list.stream().collect(Collectors.toMap(id, Function.identity()));
  }
}
