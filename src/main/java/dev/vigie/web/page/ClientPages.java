package dev.vigie.web.page;

import dev.vigie.dns.psl.DomainNames;
import dev.vigie.road.ClientSummary;
import dev.vigie.road.ClientView;
import dev.vigie.road.DomainSummary;
import dev.vigie.road.MspOverview;
import dev.vigie.road.Period;
import dev.vigie.store.CheckSql;
import dev.vigie.store.TenantSql;
import dev.vigie.web.Caller;
import dev.vigie.web.Html;
import dev.vigie.web.Layout;
import dev.vigie.web.Messages;
import dev.vigie.web.Scope;
import dev.vigie.web.ScopedRouter;
import dev.vigie.web.Scoped;
import dev.vigie.web.WebApp;
import dev.vigie.web.WebError;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The MSP overview, the clients list, a client's page, and onboarding a client and a domain. */
public final class ClientPages {
  private final WebApp app;

  public ClientPages(WebApp app) {
    this.app = app;
  }

  public void register(ScopedRouter r) {
    r.get("/overview", Scope.TENANT, this::overview);
    r.get("/clients", Scope.TENANT, this::clients);
    r.get("/onboarding", Scope.TENANT, ctx -> onboardingForm(ctx, null, 200));
    r.post("/onboarding", Scope.TENANT, this::onboard);
    r.get("/clients/{clientId}", Scope.client("clientId"), this::client);
    r.post("/clients/{clientId}", Scope.client("clientId"), this::updateClient);
    r.post("/clients/{clientId}/domains", Scope.client("clientId"), this::addDomain);
  }

  private void overview(Context ctx) {
    Scoped s = Scoped.of(ctx);
    Messages m = s.msg();
    MspOverview o = app.insights(s.tenant()).overview(s.tenant());
    Map<String, CheckSql.Check> checks = app.<List<CheckSql.Check>>read("checks " + s.tenant(),
            () -> app.db().with(c -> CheckSql.latestPerDomain(c, s.tenant()))).stream()
        .collect(Collectors.toMap(CheckSql.Check::domain, Function.identity()));
    long withErrors = checks.values().stream().filter(k -> k.errors() > 0).count();
    Pages.render(app, ctx, m.get("overview.title"), h -> {
      h.el("h1", m.get("overview.title"));
      Pages.notice(h, ctx);
      h.el("p", m.get("overview.period", o.period().days(), RoadViews.num(m, o.messages()),
          RoadViews.share(m, o.messages(), o.passPercent()), RoadViews.num(m, o.failingLegit())),
          "class", "lead", "id", "overview-summary");
      h.el("h2", m.get("overview.by-stage"));
      RoadViews.stageTiles(h, m, o.stages());
      h.open("div", "class", "tiles");
      tile(h, m.get("overview.clients"), String.valueOf(o.clients().size()));
      tile(h, m.get("overview.domains-with-errors"), String.valueOf(withErrors));
      h.close("div");
      if (!o.reportsStopped().isEmpty()) {
        h.open("section", "aria-labelledby", "stopped-h", "id", "stopped");
        h.el("h2", m.get("overview.stopped"), "id", "stopped-h");
        h.open("ul");
        for (ClientSummary c : o.reportsStopped()) {
          h.open("li").el("a", c.name(), "href", "/clients/" + c.clientId())
              .text(" — " + m.get("overview.stopped-domains", String.join(", ",
                  c.stoppedDomains()), c.lastReport() == null ? "—" : c.lastReport()))
              .close("li");
        }
        h.close("ul").close("section");
      }
      if (o.clients().isEmpty()) {
        h.open("p").text(m.get("overview.empty") + " ")
            .el("a", m.get("nav.onboarding"), "href", "/onboarding").close("p");
        return;
      }
      h.open("div", "class", "scroll").open("table", "class", "grid", "id", "clients");
      h.el("caption", m.get("clients.title"));
      h.open("thead").open("tr").el("th", m.get("clients.name"), "scope", "col")
          .el("th", m.get("clients.stages"), "scope", "col")
          .el("th", m.get("sources.messages"), "scope", "col", "class", "num")
          .el("th", m.get("sources.pass"), "scope", "col", "class", "num")
          .el("th", m.get("overview.failing-legit"), "scope", "col", "class", "num")
          .el("th", m.get("overview.last-report"), "scope", "col").close("tr").close("thead");
      h.open("tbody");
      for (ClientSummary c : o.clients()) {
        h.open("tr").open("th", "scope", "row").el("a", c.name(), "href", "/clients/" + c.clientId())
            .close("th");
        h.el("td", m.get("clients.stage-counts", c.stages().none(), c.stages().monitoring(),
            c.stages().quarantine(), c.stages().reject()));
        h.el("td", RoadViews.num(m, c.messages()), "class", "num");
        h.el("td", RoadViews.share(m, c.messages(), c.passPercent()), "class", "num");
        h.el("td", RoadViews.num(m, c.failingLegit()), "class", "num");
        h.el("td", (c.lastReport() == null ? "—" : c.lastReport().toString())
            + (c.reportsStopped() ? " ⚠ " + m.get("overview.stopped-short") : ""));
        h.close("tr");
      }
      h.close("tbody").close("table").close("div");
    });
  }

  private static void tile(Html h, String label, String value) {
    h.open("div", "class", "tile").el("span", value, "class", "big").el("span", label, "class",
        "label").close("div");
  }

  static void clientTable(Html h, Messages m, List<TenantSql.Client> clients,
      Map<String, CheckSql.Check> checks) {
    if (clients.isEmpty()) {
      return;
    }
    h.open("div", "class", "scroll").open("table", "class", "grid");
    h.el("caption", m.get("clients.title"));
    h.open("thead").open("tr").el("th", m.get("clients.name"), "scope", "col")
        .el("th", m.get("clients.domains"), "scope", "col")
        .el("th", m.get("clients.findings"), "scope", "col").close("tr").close("thead");
    h.open("tbody");
    for (TenantSql.Client cl : clients) {
      int errors = 0;
      int warnings = 0;
      for (String d : cl.domains()) {
        CheckSql.Check k = checks.get(d);
        if (k != null) {
          errors += k.errors();
          warnings += k.warnings();
        }
      }
      h.open("tr");
      h.open("th", "scope", "row").el("a", cl.name(), "href", "/clients/" + cl.id()).close("th");
      h.open("td");
      for (String d : cl.domains()) {
        h.el("a", d, "href", "/domains/" + d, "class", "chip");
      }
      h.close("td");
      h.el("td", m.get("clients.findings-count", errors, warnings));
      h.close("tr");
    }
    h.close("tbody").close("table").close("div");
  }

  private void clients(Context ctx) {
    Scoped s = Scoped.of(ctx);
    Messages m = s.msg();
    List<TenantSql.Client> clients = app.db().with(c -> TenantSql.clients(c, s.tenant()));
    Map<String, CheckSql.Check> checks = app.db().with(c -> CheckSql.latestPerDomain(c, s.tenant()))
        .stream().collect(Collectors.toMap(CheckSql.Check::domain, Function.identity()));
    Pages.render(app, ctx, m.get("clients.title"), h -> {
      h.el("h1", m.get("clients.title"));
      Pages.notice(h, ctx);
      h.open("p").el("a", m.get("clients.add"), "href", "/onboarding", "class", "button")
          .close("p");
      if (clients.isEmpty()) {
        h.el("p", m.get("overview.empty"));
      }
      clientTable(h, m, clients, checks);
    });
  }

  private void onboardingForm(Context ctx, String error, int status) {
    Scoped s = Scoped.of(ctx);
    Messages m = s.msg();
    List<TenantSql.Client> clients = app.db().with(c -> TenantSql.clients(c, s.tenant()));
    ctx.status(status);
    Pages.render(app, ctx, m.get("onboarding.title"), h -> {
      h.el("h1", m.get("onboarding.title"));
      h.el("p", m.get("onboarding.help"));
      Pages.error(h, error);
      h.open("form", "method", "post", "action", "/onboarding", "class", "card");
      Layout.csrf(h, ctx);
      h.open("div", "class", "field");
      h.el("label", m.get("onboarding.client"), "for", "client");
      h.open("select", "id", "client", "name", "client");
      h.el("option", m.get("onboarding.new-client"), "value", "new");
      for (TenantSql.Client cl : clients) {
        h.el("option", cl.name(), "value", String.valueOf(cl.id()), "selected",
            String.valueOf(cl.id()).equals(ctx.queryParam("client")) ? "selected" : null);
      }
      h.close("select").close("div");
      Layout.field(h, "name", m.get("onboarding.client-name"), "text", ctx.formParam("name"),
          false);
      AuthPages.languageSelect(h, m, "lang", null, true);
      Layout.field(h, "domain", m.get("field.domain"), "text", ctx.formParam("domain"), true,
          "placeholder", "example.com", "autocapitalize", "none", "spellcheck", "false");
      Pages.submit(h, m.get("onboarding.submit"));
      h.close("form");
    });
  }

  private void onboard(Context ctx) {
    Scoped s = Scoped.of(ctx);
    Messages m = s.msg();
    String choice = Pages.form(ctx, "client", 20);
    String name = Pages.form(ctx, "name", 200);
    String lang = Pages.form(ctx, "lang", 5);
    String domain = DomainNames.normalise(Pages.form(ctx, "domain", 253));
    if (domain == null || !domain.contains(".")) {
      onboardingForm(ctx, m.get("error.domain"), 400);
      return;
    }
    long clientId;
    if (choice.equals("new")) {
      if (name.isBlank()) {
        onboardingForm(ctx, m.get("error.name-required"), 400);
        return;
      }
      Optional<Long> id = app.db().with(c -> TenantSql.addClient(c, s.tenant(), name,
          Messages.supported(lang) ? lang : null, app.now()));
      if (id.isEmpty()) {
        onboardingForm(ctx, m.get("error.client-exists"), 409);
        return;
      }
      clientId = id.get();
      app.audit(ctx, "client.create", name, "client " + clientId);
    } else {
      try {
        clientId = Long.parseLong(choice);
      } catch (NumberFormatException e) {
        throw WebError.badRequest("error.client");
      }
      // the client comes from the form: it must be one of this tenant's
      if (!app.db().with(c -> TenantSql.clientExists(c, s.tenant(), clientId))) {
        throw WebError.notFound();
      }
    }
    if (!app.db().with(c -> TenantSql.addDomain(c, s.tenant(), clientId, domain, app.now()))) {
      onboardingForm(ctx, m.get("error.domain-exists"), 409);
      return;
    }
    app.audit(ctx, "domain.add", domain, "client " + clientId);
    app.invalidate(s.tenant());
    ctx.redirect("/domains/" + domain + "/setup");
  }

  private void client(Context ctx) {
    Scoped s = Scoped.of(ctx);
    Messages m = s.msg();
    Caller who = s.who();
    TenantSql.Client cl = app.db().with(c -> TenantSql.client(c, s.tenant(), s.clientId()))
        .orElseThrow(WebError::notFound);
    Map<String, CheckSql.Check> checks = app.db().with(c -> CheckSql.latestPerDomain(c, s.tenant()))
        .stream().collect(Collectors.toMap(CheckSql.Check::domain, Function.identity()));
    int days = DomainPages.days(ctx);
    Optional<ClientView> view = app.insights(s.tenant()).client(s.tenant(), s.clientId(),
        Period.lastDays(days, app.clock()));
    Map<String, DomainSummary> byDomain = view.map(v -> v.domains().stream().collect(
        Collectors.toMap(DomainSummary::domain, Function.identity()))).orElse(Map.of());
    Pages.render(app, ctx, cl.name(), h -> {
      h.el("h1", cl.name());
      Pages.notice(h, ctx);
      if (view.isPresent()) {
        DomainPages.periodLinks(h, m, "/clients/" + cl.id(), days);
        h.el("h2", m.get("domain.compliance"));
        RoadViews.compliance(h, m, view.get().compliance());
        RoadViews.stageTiles(h, m, view.get().stages());
      }
      h.el("h2", m.get("client.domains"));
      if (cl.domains().isEmpty()) {
        h.el("p", m.get("client.no-domains"));
      } else {
        h.open("div", "class", "scroll").open("table", "class", "grid");
        h.open("thead").open("tr").el("th", m.get("field.domain"), "scope", "col")
            .el("th", m.get("road.stage"), "scope", "col")
            .el("th", m.get("sources.messages"), "scope", "col", "class", "num")
            .el("th", m.get("sources.pass"), "scope", "col", "class", "num")
            .el("th", m.get("overview.last-report"), "scope", "col")
            .el("th", m.get("domain.score"), "scope", "col")
            .el("th", m.get("clients.findings"), "scope", "col").close("tr").close("thead");
        h.open("tbody");
        for (String d : cl.domains()) {
          CheckSql.Check k = checks.get(d);
          h.open("tr").open("th", "scope", "row").el("a", d, "href", "/domains/" + d).close("th");
          DomainSummary ds = byDomain.get(d);
          h.open("td");
          if (ds != null) {
            RoadViews.stage(h, m, ds.stage(), ds.partial());
          }
          h.close("td");
          h.el("td", ds == null ? "—" : RoadViews.num(m, ds.messages()), "class", "num");
          h.el("td", ds == null ? "—" : RoadViews.share(m, ds.messages(), ds.passPercent()),
              "class", "num");
          h.el("td", ds == null || ds.lastReport() == null ? "—" : ds.lastReport()
              + (ds.reportsStopped() ? " ⚠ " + m.get("overview.stopped-short") : ""));
          h.el("td", k == null ? "—" : k.score() + "/100");
          h.el("td", k == null ? m.get("domain.not-checked")
              : m.get("clients.findings-count", k.errors(), k.warnings()));
          h.close("tr");
        }
        h.close("tbody").close("table").close("div");
      }
      if (who.canWrite()) {
        h.el("h2", m.get("client.add-domain"));
        h.open("form", "method", "post", "action", "/clients/" + cl.id() + "/domains",
            "class", "card");
        Layout.csrf(h, ctx);
        Layout.field(h, "domain", m.get("field.domain"), "text", null, true, "placeholder",
            "example.com", "autocapitalize", "none", "spellcheck", "false");
        Pages.submit(h, m.get("client.add-domain"));
        h.close("form");
        h.el("h2", m.get("client.settings"));
        h.open("form", "method", "post", "action", "/clients/" + cl.id(), "class", "card");
        Layout.csrf(h, ctx);
        Layout.field(h, "name", m.get("onboarding.client-name"), "text", cl.name(), true);
        AuthPages.languageSelect(h, m, "lang", cl.lang(), true);
        Pages.submit(h, m.get("action.save"));
        h.close("form");
      }
    });
  }

  private void updateClient(Context ctx) {
    Scoped s = Scoped.of(ctx);
    String name = Pages.form(ctx, "name", 200);
    String lang = Pages.form(ctx, "lang", 5);
    if (name.isBlank()) {
      throw WebError.badRequest("error.name-required");
    }
    app.db().with(c -> {
      TenantSql.updateClient(c, s.tenant(), s.clientId(), name,
          Messages.supported(lang) ? lang : null);
      return null;
    });
    app.audit(ctx, "client.update", name, "client " + s.clientId() + ", language "
        + (lang.isEmpty() ? "default" : lang));
    ctx.redirect("/clients/" + s.clientId() + "?done=saved");
  }

  private void addDomain(Context ctx) {
    Scoped s = Scoped.of(ctx);
    String domain = DomainNames.normalise(Pages.form(ctx, "domain", 253));
    if (domain == null || !domain.contains(".")) {
      throw WebError.badRequest("error.domain");
    }
    if (!app.db().with(c -> TenantSql.addDomain(c, s.tenant(), s.clientId(), domain, app.now()))) {
      throw new WebError(409, "error.domain-exists");
    }
    app.audit(ctx, "domain.add", domain, "client " + s.clientId());
    app.invalidate(s.tenant());
    ctx.redirect("/domains/" + domain + "/setup");
  }
}
