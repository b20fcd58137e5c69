package dev.vigie.web.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.check.DomainChecker;
import dev.vigie.check.DomainReport;
import dev.vigie.check.Severity;
import dev.vigie.check.output.DomainReportJson;
import dev.vigie.dns.dmarc.Policy;
import dev.vigie.report.extract.ParseOutcome;
import dev.vigie.road.DomainView;
import dev.vigie.road.Period;
import dev.vigie.road.Road;
import dev.vigie.road.Simulation;
import dev.vigie.report.extract.ReportExtractor;
import dev.vigie.report.failure.FailureReport;
import dev.vigie.store.CheckHistoryStore;
import dev.vigie.store.CheckSql;
import dev.vigie.store.SelectorSql;
import dev.vigie.store.FailureSql;
import dev.vigie.store.NoteSql;
import dev.vigie.store.TenantSql;
import dev.vigie.web.Caller;
import dev.vigie.web.Html;
import dev.vigie.web.Layout;
import dev.vigie.web.Messages;
import dev.vigie.web.Onboarding;
import dev.vigie.web.Scope;
import dev.vigie.web.ScopedRouter;
import dev.vigie.web.Scoped;
import dev.vigie.web.WebApp;
import dev.vigie.web.WebError;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A domain: DNS findings (run on demand), the notes timeline, failure reports (personal data only
 * for MSP staff), and the records to publish at onboarding with their verification.
 */
public final class DomainPages {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final WebApp app;

  public DomainPages(WebApp app) {
    this.app = app;
  }

  public void register(ScopedRouter r) {
    r.get("/domains/{domain}", Scope.domain("domain"), this::domain);
    r.get("/domains/{domain}/setup", Scope.domain("domain"), this::setup);
    r.post("/domains/{domain}/verify", Scope.domain("domain"), this::verify);
    r.post("/domains/{domain}/check", Scope.domain("domain"), this::check);
    r.post("/domains/{domain}/notes", Scope.domain("domain"), this::addNote);
    r.post("/domains/{domain}/notes/{noteId}/delete", Scope.domain("domain"), this::deleteNote);
    r.post("/domains/{domain}/delete", Scope.domain("domain"), this::delete);
    r.get("/domains/{domain}/failures/{seq}", Scope.domain("domain"), this::failure);
    r.get("/domains/{domain}/road", Scope.domain("domain"), this::road);
    r.get("/domains/{domain}/simulate", Scope.domain("domain"), this::simulate);
  }

  private void domain(Context ctx) {
    Scoped s = Scoped.of(ctx);
    Messages m = s.msg();
    Caller who = s.who();
    String d = s.domainName();
    String at = s.tenant() + " " + d;
    Optional<CheckSql.Check> check = app.read("check " + at,
        () -> app.db().with(c -> CheckSql.latest(c, s.tenant(), d)));
    List<NoteSql.Note> notes = app.read("notes " + at,
        () -> app.db().with(c -> NoteSql.forDomain(c, s.tenant(), d)));
    List<CheckSql.Change> changes = app.read("changes " + at,
        () -> app.db().with(c -> CheckSql.changes(c, s.tenant(), d, 20)));
    List<FailureSql.FailureRow> failures = app.read("failures " + at,
        () -> app.db().with(c -> FailureSql.forDomain(c, s.tenant(), d, 50)));
    TenantSql.Client cl = app.<Optional<TenantSql.Client>>read("client " + s.tenant() + " "
        + s.clientId(), () -> app.db().with(c -> TenantSql.client(c, s.tenant(), s.clientId())))
        .orElseThrow(WebError::notFound);
    int days = days(ctx);
    Optional<DomainView> view = app.insights(s.tenant()).domain(s.tenant(), d,
        Period.lastDays(days, app.clock()));
    Pages.render(app, ctx, d, h -> {
      h.open("p", "class", "crumbs").el("a", cl.name(), "href", "/clients/" + cl.id())
          .close("p");
      h.el("h1", d);
      Pages.notice(h, ctx);
      if (view.isPresent()) {
        DomainView v = view.get();
        h.open("p").text(m.get("road.stage-label") + " ");
        RoadViews.stage(h, m, v.road().stage(), v.road().partial());
        h.text(" · " + m.get("domain.reports", v.aggregateReports(), v.failureReports(),
            v.tlsReports()));
        if (v.reportsStopped()) {
          h.el("strong", " ⚠ " + m.get("domain.reports-stopped", v.lastReport()), "class", "error");
        }
        h.close("p");
        periodLinks(h, m, "/domains/" + d, days);
        h.el("h2", m.get("domain.compliance"));
        RoadViews.compliance(h, m, v.compliance());
        h.el("h2", m.get("domain.sources"));
        RoadViews.services(h, m, v.services(), who.staff());
        RoadViews.road(h, m, d, v.road());
      }
      findings(h, ctx, m, who, d, check);
      changes(h, m, changes);
      notes(h, ctx, m, who, d, notes);
      failures(h, m, who, d, failures);
      if (who.canWrite()) {
        h.el("h2", m.get("domain.manage"));
        h.open("p").el("a", m.get("domain.setup-link"), "href", "/domains/" + d + "/setup",
            "class", "button").close("p");
        h.open("form", "method", "post", "action", "/domains/" + d + "/delete",
            "class", "inline", "data-confirm", m.get("domain.delete-confirm", d));
        Layout.csrf(h, ctx);
        h.el("button", m.get("domain.delete"), "type", "submit", "class", "danger");
        h.close("form");
      }
    });
  }

  private void findings(Html h, Context ctx, Messages m, Caller who, String d,
      Optional<CheckSql.Check> check) {
    h.open("section", "aria-labelledby", "findings-h");
    h.el("h2", m.get("domain.findings"), "id", "findings-h");
    if (check.isEmpty()) {
      h.el("p", m.get("domain.not-checked"));
    } else {
      CheckSql.Check k = check.get();
      h.el("p", m.get("domain.checked-at", Layout.time(k.checkedAt()), k.score()),
          "class", "muted");
      try {
        JsonNode root = JSON.readTree(k.json());
        h.open("ul", "class", "findings");
        for (JsonNode f : root.path("findings")) {
          String sev = f.path("severity").asText();
          String code = f.path("code").asText();
          h.open("li", "class", "finding " + sev);
          h.el("span", m.get("severity." + sev), "class", "badge " + sev);
          List<String> args = new ArrayList<>();
          f.path("args").forEach(a -> args.add(a.asText()));
          h.el("strong", m.finding(code, "", args, f.path("summary").asText()));
          if (who.staff()) {
            h.el("p", f.path("detail").asText(), "class", "detail");
            String fix = m.finding(code, ".fix", args,
                f.hasNonNull("fix") ? f.path("fix").asText() : null);
            if (fix != null) {
              h.open("p", "class", "fix").el("span", m.get("domain.fix") + " ")
                  .el("span", fix).close("p");
            }
          }
          h.el("span", code, "class", "code");
          h.close("li");
        }
        h.close("ul");
      } catch (IOException e) {
        h.el("p", m.get("error.internal"), "class", "error");
      }
    }
    if (who.canWrite()) {
      h.open("form", "method", "post", "action", "/domains/" + d + "/check", "class", "inline");
      Layout.csrf(h, ctx);
      h.el("button", m.get("domain.check-now"), "type", "submit");
      h.close("form");
    }
    h.close("section");
  }

  /** What the DNS checks saw change, newest first (DNS is public: everyone reads it). */
  private static void changes(Html h, Messages m, List<CheckSql.Change> changes) {
    if (changes.isEmpty()) {
      return; // nothing yet: the first check has nothing to compare with
    }
    h.open("section", "aria-labelledby", "changes-h");
    h.el("h2", m.get("domain.changes"), "id", "changes-h");
    h.open("ol", "class", "timeline changes");
    for (CheckSql.Change ch : changes) {
      String sev = ch.severity().toLowerCase(java.util.Locale.ROOT);
      h.open("li", "class", "change " + sev);
      h.open("p", "class", "meta").text(Layout.time(ch.at()) + " ");
      h.el("span", m.get("severity." + sev), "class", "badge " + sev).close("p");
      String subject = ch.code().equals("finding.new-error")
          ? m.finding(ch.subject(), "", List.of(), ch.subject()) : ch.subject();
      h.el("strong", m.getOr("change." + ch.code(), List.of(subject), ch.summary()));
      if (!ch.before().isEmpty() || !ch.after().isEmpty()) {
        h.open("p", "class", "diff");
        if (!ch.before().isEmpty()) {
          h.el("span", m.get("domain.change-before") + " ").el("code", ch.before());
        }
        if (!ch.after().isEmpty()) {
          h.el("span", " " + m.get("domain.change-after") + " ").el("code", ch.after());
        }
        h.close("p");
      }
      h.close("li");
    }
    h.close("ol");
    h.close("section");
  }

  private static void notes(Html h, Context ctx, Messages m, Caller who, String d,
      List<NoteSql.Note> notes) {
    h.open("section", "aria-labelledby", "notes-h");
    h.el("h2", m.get("domain.notes"), "id", "notes-h");
    if (who.canWrite()) {
      h.open("form", "method", "post", "action", "/domains/" + d + "/notes", "class", "card");
      Layout.csrf(h, ctx);
      Layout.field(h, "body", m.get("domain.note-new"), "textarea", null, true, "rows", "2",
          "maxlength", "4000");
      Pages.submit(h, m.get("domain.note-add"));
      h.close("form");
    }
    if (notes.isEmpty()) {
      h.el("p", m.get("domain.no-notes"), "class", "muted");
    } else {
      h.open("ol", "class", "timeline");
      for (NoteSql.Note n : notes) {
        h.open("li", "class", "note");
        h.open("p", "class", "meta").el("time", Layout.time(n.createdAt()))
            .text(" · " + n.author()).close("p");
        h.el("p", n.body(), "class", "body");
        if (who.canWrite()) {
          h.open("form", "method", "post", "action", "/domains/" + d + "/notes/" + n.noteId()
              + "/delete", "class", "inline", "data-confirm", m.get("domain.note-delete-confirm"));
          Layout.csrf(h, ctx);
          h.el("button", m.get("action.delete"), "type", "submit", "class", "link");
          h.close("form");
        }
        h.close("li");
      }
      h.close("ol");
    }
    h.close("section");
  }

  private static void failures(Html h, Messages m, Caller who, String d,
      List<FailureSql.FailureRow> rows) {
    h.open("section", "aria-labelledby", "failures-h");
    h.el("h2", m.get("domain.failures"), "id", "failures-h");
    if (rows.isEmpty()) {
      h.el("p", m.get("domain.no-failures"), "class", "muted");
      h.close("section");
      return;
    }
    if (!who.seesPersonalData()) {
      h.el("p", m.get("domain.failures-private"), "class", "muted");
    }
    h.open("div", "class", "scroll").open("table", "class", "grid");
    h.open("thead").open("tr").el("th", m.get("failure.arrival"), "scope", "col")
        .el("th", m.get("failure.source"), "scope", "col")
        .el("th", m.get("failure.type"), "scope", "col").close("tr").close("thead").open("tbody");
    for (FailureSql.FailureRow f : rows) {
      h.open("tr").open("td");
      if (who.seesPersonalData()) {
        h.el("a", Layout.time(f.arrivalAt()), "href", "/domains/" + d + "/failures/"
            + f.reportSeq());
      } else {
        h.text(Layout.time(f.arrivalAt()));
      }
      h.close("td").el("td", f.sourceIp()).el("td", f.feedbackType()).close("tr");
    }
    h.close("tbody").close("table").close("div");
    h.close("section");
  }

  private void failure(Context ctx) {
    Scoped s = Scoped.of(ctx);
    Messages m = s.msg();
    if (!s.who().seesPersonalData()) {
      throw WebError.forbidden();
    }
    long seq;
    try {
      seq = Long.parseLong(ctx.pathParam("seq"));
    } catch (NumberFormatException e) {
      throw WebError.notFound();
    }
    FailureSql.FailureRow row = app.db().with(c -> FailureSql.one(c, s.tenant(),
        s.domainName(), seq)).orElseThrow(WebError::notFound);
    byte[] raw = app.db().with(c -> FailureSql.raw(c, s.tenant(), row.rawSha256()));
    List<FailureReport> reports = new ArrayList<>();
    new ReportExtractor(app.settings().limits()).extract(row.origin(), raw, 0, o -> {
      if (o instanceof ParseOutcome.Parsed p && p.report() instanceof FailureReport f
          && s.domainName().equalsIgnoreCase(String.valueOf(f.reportedDomain()))) {
        reports.add(f);
      }
    });
    app.audit(ctx, "failure.viewed", s.domainName(), "report " + seq);
    Pages.render(app, ctx, m.get("failure.title"), h -> {
      h.open("p", "class", "crumbs").el("a", s.domainName(), "href", "/domains/"
          + s.domainName()).close("p");
      h.el("h1", m.get("failure.title"));
      for (FailureReport f : reports) {
        h.open("dl", "class", "pairs");
        pair(h, m.get("failure.arrival"), Layout.time(f.arrivalDate()));
        pair(h, m.get("failure.source"), f.sourceIp());
        pair(h, m.get("failure.mail-from"), f.originalMailFrom());
        pair(h, m.get("failure.rcpt-to"), f.originalRcptTo());
        pair(h, m.get("failure.from"), f.parsedSample().from());
        pair(h, m.get("failure.subject"), f.parsedSample().subject());
        pair(h, m.get("failure.auth-failure"), String.join(", ", f.authFailure()));
        pair(h, m.get("failure.dkim-domain"), f.dkimDomain());
        pair(h, m.get("failure.auth-results"), f.authenticationResults());
        h.close("dl");
        h.el("h2", m.get("failure.sample"));
        h.el("pre", f.sample().length() > 20000 ? f.sample().substring(0, 20000) + "…"
            : f.sample(), "class", "sample");
      }
    });
  }

  /** The period asked for (?days=7|30|90), 30 by default. */
  public static int days(Context ctx) {
    String v = ctx.queryParam("days");
    return "7".equals(v) ? 7 : "90".equals(v) ? 90 : 30;
  }

  static void periodLinks(Html h, Messages m, String base, int days) {
    h.open("nav", "class", "period", "aria-label", m.get("period.label")).open("ul");
    for (int d : new int[] {7, 30, 90}) {
      h.open("li").el("a", m.get("period.days", d), "href", base + "?days=" + d,
          "aria-current", d == days ? "page" : null).close("li");
    }
    h.close("ul").close("nav");
  }

  private void road(Context ctx) {
    Scoped s = Scoped.of(ctx);
    Messages m = s.msg();
    String d = s.domainName();
    Road r = app.insights(s.tenant()).road(s.tenant(), d).orElseThrow(WebError::notFound);
    Pages.render(app, ctx, m.get("road.title") + " · " + d, h -> {
      h.open("p", "class", "crumbs").el("a", d, "href", "/domains/" + d).close("p");
      h.el("h1", m.get("road.page-title", d));
      RoadViews.road(h, m, d, r);
    });
  }

  private void simulate(Context ctx) {
    Scoped s = Scoped.of(ctx);
    Messages m = s.msg();
    String d = s.domainName();
    Policy policy = "quarantine".equals(ctx.queryParam("policy")) ? Policy.QUARANTINE
        : Policy.REJECT;
    int days = days(ctx);
    Simulation sim = app.insights(s.tenant()).simulate(s.tenant(), d, policy, days)
        .orElseThrow(WebError::notFound);
    Pages.render(app, ctx, m.get("sim.title") + " · " + d, h -> {
      h.open("p", "class", "crumbs").el("a", d, "href", "/domains/" + d).close("p");
      h.el("h1", m.get("sim.page-title", d));
      h.open("form", "method", "get", "action", "/domains/" + d + "/simulate", "class", "card");
      h.open("div", "class", "field").el("label", m.get("sim.policy"), "for", "policy");
      h.open("select", "id", "policy", "name", "policy");
      h.el("option", "p=quarantine", "value", "quarantine", "selected",
          policy == Policy.QUARANTINE ? "selected" : null);
      h.el("option", "p=reject", "value", "reject", "selected",
          policy == Policy.REJECT ? "selected" : null);
      h.close("select").close("div");
      h.open("div", "class", "field").el("label", m.get("sim.days"), "for", "days");
      h.open("select", "id", "days", "name", "days");
      for (int n : new int[] {7, 30, 90}) {
        h.el("option", m.get("period.days", n), "value", String.valueOf(n), "selected",
            n == days ? "selected" : null);
      }
      h.close("select").close("div");
      Pages.submit(h, m.get("sim.submit"));
      h.close("form");
      RoadViews.simulation(h, m, sim);
    });
  }

  private static void pair(Html h, String k, Object v) {
    h.el("dt", k).el("dd", v == null ? "—" : v);
  }

  private void setup(Context ctx) {
    Scoped s = Scoped.of(ctx);
    Messages m = s.msg();
    String d = s.domainName();
    String address = reportAddress(s.tenant());
    Optional<CheckSql.Verification> v = app.db().with(c -> CheckSql.latestVerification(c,
        s.tenant(), d));
    Pages.render(app, ctx, m.get("setup-records.title", d), h -> {
      h.open("p", "class", "crumbs").el("a", d, "href", "/domains/" + d).close("p");
      h.el("h1", m.get("setup-records.title", d));
      Pages.notice(h, ctx);
      if (address == null) {
        h.el("p", m.get("setup-records.no-address"), "class", "error");
        return;
      }
      dev.vigie.road.Onboarding plan = Onboarding.plan(app, s.tenant(), d, address);
      h.el("p", m.get("setup-records.help", address));
      h.el("h2", m.get("setup-records.dmarc"));
      record(h, m, plan.dmarc(), "dmarc-record");
      RoadViews.adviceList(h, m, plan.notes(), "notes");
      if (plan.authorisation() != null) {
        h.el("h2", m.get("setup-records.authorisation"));
        h.el("p", m.get("setup-records.authorisation-help"));
        record(h, m, plan.authorisation(), "auth-record");
      }
      h.el("h2", m.get("setup-records.verify"));
      if (v.isPresent()) {
        h.open("ul", "class", "checks");
        h.el("li", m.get(v.get().dmarcOk() ? "setup-records.dmarc-ok" : "setup-records.dmarc-missing"),
            "class", v.get().dmarcOk() ? "ok" : "bad");
        if (plan.authorisation() != null) {
          h.el("li", m.get(v.get().authorisationOk() ? "setup-records.auth-ok"
              : "setup-records.auth-missing"), "class", v.get().authorisationOk() ? "ok" : "bad");
        }
        h.close("ul");
        h.el("p", m.get("setup-records.verified-at", Layout.time(v.get().verifiedAt())),
            "class", "muted");
        h.el("pre", v.get().detail(), "class", "sample");
      }
      if (s.who().canWrite()) {
        h.open("form", "method", "post", "action", "/domains/" + d + "/verify", "class", "inline");
        Layout.csrf(h, ctx);
        h.el("button", m.get("setup-records.verify-now"), "type", "submit");
        h.close("form");
      }
    });
  }

  private static void record(Html h, Messages m, dev.vigie.road.DnsRecord r, String id) {
    h.open("dl", "class", "pairs record", "id", id);
    h.el("dt", m.get("setup-records.name")).open("dd").el("code", r.name()).close("dd");
    h.el("dt", m.get("setup-records.type")).open("dd").el("code", "TXT").close("dd");
    h.el("dt", m.get("setup-records.value")).open("dd").el("code", r.value(), "class", "copy")
        .close("dd");
    h.close("dl");
  }

  public String reportAddress(long tenant) {
    String own = app.db().with(c -> TenantSql.tenant(c, tenant)).map(TenantSql.Tenant::reportAddress)
        .orElse(null);
    return Onboarding.reportAddress(own, app.settings().reportAddress());
  }

  private void verify(Context ctx) {
    Scoped s = Scoped.of(ctx);
    String d = s.domainName();
    String address = reportAddress(s.tenant());
    if (address == null) {
      throw new WebError(409, "setup-records.no-address");
    }
    if (app.dns() == null) {
      throw new WebError(503, "error.no-dns");
    }
    Onboarding.Verified v = Onboarding.verify(Onboarding.plan(app, s.tenant(), d, address),
        address, app.dns());
    app.db().with(c -> {
      CheckSql.saveVerification(c, s.tenant(), d, app.now(), v.dmarcOk(), v.authorisationOk(),
          v.detail());
      return null;
    });
    app.audit(ctx, "domain.verify", d, "dmarc " + v.dmarcOk() + ", authorisation "
        + v.authorisationOk());
    ctx.redirect("/domains/" + d + "/setup");
  }

  /** Runs every DNS posture check on the domain now and keeps the result. */
  public CheckSql.Check runCheck(Context ctx, long tenant, String d) {
    DomainChecker checker = app.checker();
    if (checker == null) {
      throw new WebError(503, "error.no-dns");
    }
    List<String> seen = app.db().with(c -> SelectorSql.seen(c, tenant, d, 90, 20));
    DomainReport r = checker.check(d, seen);
    int errors = (int) r.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
    int warnings = (int) r.findings().stream().filter(f -> f.severity() == Severity.WARNING).count();
    String json = DomainReportJson.write(r);
    app.db().tx(c -> {
      CheckHistoryStore.record(c, tenant, r, json); // the check and what changed, together
      return null;
    });
    app.audit(ctx, "domain.check", d, "score " + r.score());
    app.invalidate(tenant);
    return new CheckSql.Check(d, r.checkedAt(), r.score(), errors, warnings, json);
  }

  private void check(Context ctx) {
    Scoped s = Scoped.of(ctx);
    runCheck(ctx, s.tenant(), s.domainName());
    ctx.redirect("/domains/" + s.domainName() + "?done=checked#findings-h");
  }

  private void addNote(Context ctx) {
    Scoped s = Scoped.of(ctx);
    String body = Pages.form(ctx, "body", 4000);
    if (body.isBlank()) {
      throw WebError.badRequest("error.note-empty");
    }
    long id = app.db().with(c -> NoteSql.add(c, s.tenant(), s.domainName(), s.who().actor(), body,
        app.now()));
    app.audit(ctx, "note.add", s.domainName(), "note " + id);
    ctx.redirect("/domains/" + s.domainName() + "?done=note#notes-h");
  }

  private void deleteNote(Context ctx) {
    Scoped s = Scoped.of(ctx);
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("noteId"));
    } catch (NumberFormatException e) {
      throw WebError.notFound();
    }
    if (!app.db().with(c -> NoteSql.delete(c, s.tenant(), s.domainName(), id))) {
      throw WebError.notFound();
    }
    app.audit(ctx, "note.delete", s.domainName(), "note " + id);
    ctx.redirect("/domains/" + s.domainName() + "#notes-h");
  }

  private void delete(Context ctx) {
    Scoped s = Scoped.of(ctx);
    app.db().with(c -> TenantSql.removeDomain(c, s.tenant(), s.domainName()));
    app.forgetOwners();
    app.audit(ctx, "domain.remove", s.domainName(), "client " + s.clientId());
    app.invalidate(s.tenant());
    ctx.redirect("/clients/" + s.clientId() + "?done=removed");
  }
}
