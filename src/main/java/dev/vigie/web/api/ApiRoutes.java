package dev.vigie.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.vigie.dns.psl.DomainNames;
import dev.vigie.road.Period;
import dev.vigie.store.AccountSql;
import dev.vigie.store.ApiTokenSql;
import dev.vigie.store.AuditSql;
import dev.vigie.store.CheckSql;
import dev.vigie.store.FailureSql;
import dev.vigie.store.NoteSql;
import dev.vigie.store.TenantSql;
import dev.vigie.web.Admin;
import dev.vigie.web.Caller;
import dev.vigie.web.Messages;
import dev.vigie.web.Onboarding;
import dev.vigie.web.Role;
import dev.vigie.web.Scope;
import dev.vigie.web.ScopedRouter;
import dev.vigie.web.Scoped;
import dev.vigie.web.Uploads;
import dev.vigie.web.WebApp;
import dev.vigie.web.WebError;
import dev.vigie.web.page.DomainPages;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The REST API under /api/v1: what the pages do, as JSON. Callers authenticate with a bearer
 * token ({@code Authorization: Bearer vgt_…}) or, from the browser, with the session cookie plus
 * the {@code X-CSRF-Token} header on writes. Errors are application/problem+json.
 */
public final class ApiRoutes {
  static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final WebApp app;
  private final DomainPages domains;

  public ApiRoutes(WebApp app) {
    this.app = app;
    this.domains = new DomainPages(app);
  }

  public void register(ScopedRouter r) {
    r.apiGet("/api/v1/me", Scope.ACCOUNT, "Who the caller is", this::me);
    r.apiGet("/api/v1/clients", Scope.TENANT, "List client organisations and their domains",
        ctx -> send(ctx, 200, app.db().with(c -> TenantSql.clients(c, Scoped.of(ctx).tenant()))));
    r.apiPost("/api/v1/clients", Scope.TENANT, "Add a client organisation", this::addClient);
    r.apiGet("/api/v1/clients/{clientId}", Scope.client("clientId"), "One client organisation",
        ctx -> send(ctx, 200, app.db().with(c -> TenantSql.client(c, Scoped.of(ctx).tenant(),
            Scoped.of(ctx).clientId())).orElseThrow(WebError::notFound)));
    r.apiPut("/api/v1/clients/{clientId}", Scope.client("clientId"),
        "Rename a client or set its language", this::updateClient);
    r.apiPost("/api/v1/clients/{clientId}/domains", Scope.client("clientId"),
        "Add a domain to a client", this::addDomain);
    r.apiGet("/api/v1/domains/{domain}", Scope.domain("domain"),
        "A domain: owner, records to publish, last check and verification", this::domain);
    r.apiDelete("/api/v1/domains/{domain}", Scope.domain("domain"), "Remove a domain",
        this::deleteDomain);
    r.apiPost("/api/v1/domains/{domain}/verify", Scope.domain("domain"),
        "Verify the DMARC and authorisation records in DNS", this::verify);
    r.apiGet("/api/v1/domains/{domain}/check", Scope.domain("domain"),
        "The last DNS posture check (findings, score)", this::lastCheck);
    r.apiPost("/api/v1/domains/{domain}/check", Scope.domain("domain"),
        "Run the DNS posture checks now", this::runCheck);
    r.apiGet("/api/v1/domains/{domain}/changes", Scope.domain("domain"),
        "What the DNS checks saw change (DMARC policy, SPF, DKIM keys, MX…), newest first",
        ctx -> send(ctx, 200, app.db().with(c -> CheckSql.changes(c, Scoped.of(ctx).tenant(),
            Scoped.of(ctx).domainName(), 200))));
    r.apiGet("/api/v1/domains/{domain}/notes", Scope.domain("domain"), "The notes timeline",
        ctx -> send(ctx, 200, app.db().with(c -> NoteSql.forDomain(c, Scoped.of(ctx).tenant(),
            Scoped.of(ctx).domainName()))));
    r.apiPost("/api/v1/domains/{domain}/notes", Scope.domain("domain"), "Add a note",
        this::addNote);
    r.apiGet("/api/v1/domains/{domain}/failures", Scope.domain("domain"),
        "Failure reports (no personal data)", ctx -> send(ctx, 200, app.db().with(c ->
            FailureSql.forDomain(c, Scoped.of(ctx).tenant(), Scoped.of(ctx).domainName(), 500))));
    r.apiGet("/api/v1/overview", Scope.TENANT,
        "MSP overview: domains by stage, compliance, clients whose reports stopped",
        ctx -> send(ctx, 200, app.insights(Scoped.of(ctx).tenant()).overview(
            Scoped.of(ctx).tenant())));
    r.apiGet("/api/v1/clients/{clientId}/dashboard", Scope.client("clientId"),
        "A client's compliance and domains over ?days=7|30|90", ctx -> send(ctx, 200,
            app.insights(Scoped.of(ctx).tenant()).client(Scoped.of(ctx).tenant(),
                Scoped.of(ctx).clientId(), Period.lastDays(DomainPages.days(ctx), app.clock()))
                .orElseThrow(WebError::notFound)));
    r.apiGet("/api/v1/domains/{domain}/dashboard", Scope.domain("domain"),
        "A domain's compliance, sources by sending service and road over ?days=7|30|90",
        ctx -> send(ctx, 200, app.insights(Scoped.of(ctx).tenant()).domain(
            Scoped.of(ctx).tenant(), Scoped.of(ctx).domainName(),
            Period.lastDays(DomainPages.days(ctx), app.clock())).orElseThrow(WebError::notFound)));
    r.apiGet("/api/v1/domains/{domain}/road", Scope.domain("domain"),
        "The road to p=reject: stage, blockers, next record", ctx -> send(ctx, 200,
            app.insights(Scoped.of(ctx).tenant()).road(Scoped.of(ctx).tenant(),
                Scoped.of(ctx).domainName()).orElseThrow(WebError::notFound)));
    r.apiGet("/api/v1/domains/{domain}/simulation", Scope.domain("domain"),
        "Policy simulator: ?policy=quarantine|reject&days=7|30|90", ctx -> send(ctx, 200,
            app.insights(Scoped.of(ctx).tenant()).simulate(Scoped.of(ctx).tenant(),
                Scoped.of(ctx).domainName(), "quarantine".equals(ctx.queryParam("policy"))
                    ? dev.vigie.dns.dmarc.Policy.QUARANTINE : dev.vigie.dns.dmarc.Policy.REJECT,
                DomainPages.days(ctx)).orElseThrow(WebError::notFound)));
    r.apiPost("/api/v1/reports", Scope.TENANT,
        "Upload report files (raw body or multipart 'files')", this::upload);
    r.apiGet("/api/v1/users", Scope.ADMIN, "People of the MSP", this::users);
    r.apiPost("/api/v1/invitations", Scope.ADMIN, "Invite a person (returns the link)",
        this::invite);
    r.apiGet("/api/v1/tokens", Scope.ADMIN, "API tokens",
        ctx -> send(ctx, 200, app.db().with(c -> ApiTokenSql.list(c, Scoped.of(ctx).tenant()))));
    r.apiPost("/api/v1/tokens", Scope.ADMIN, "Create an API token (secret shown once)",
        this::createToken);
    r.apiDelete("/api/v1/tokens/{tokenId}", Scope.ADMIN, "Revoke an API token", ctx -> {
      Admin.revokeToken(app, ctx, longParam(ctx, "tokenId"));
      ctx.status(204);
    });
    r.apiGet("/api/v1/audit", Scope.ADMIN, "The audit log (latest 500)",
        ctx -> send(ctx, 200, app.db().with(c -> AuditSql.recent(c, Scoped.of(ctx).tenant(), 500))));
  }

  static void send(Context ctx, int status, Object body) {
    try {
      ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new WebError(500, "error.internal");
    }
  }

  private static JsonNode body(Context ctx) {
    try {
      JsonNode n = JSON.readTree(ctx.bodyAsBytes());
      if (n == null || !n.isObject()) {
        throw WebError.badRequest("error.json");
      }
      return n;
    } catch (IOException e) {
      throw WebError.badRequest("error.json");
    }
  }

  private static String text(JsonNode n, String field, int max, boolean required) {
    JsonNode v = n.get(field);
    String s = v == null || v.isNull() ? "" : v.asText().strip();
    if (required && s.isEmpty()) {
      throw WebError.badRequest("error.field-required", field);
    }
    if (s.length() > max) {
      throw WebError.badRequest("error.too-long", field, max);
    }
    return s;
  }

  private static long longParam(Context ctx, String name) {
    try {
      return Long.parseLong(ctx.pathParam(name));
    } catch (NumberFormatException e) {
      throw WebError.notFound();
    }
  }

  private void me(Context ctx) {
    Caller c = Scoped.of(ctx).who();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("tenant", c.tenantId());
    out.put("actor", c.actor());
    out.put("role", c.role().stored());
    out.put("client", c.clientId());
    out.put("can_write", c.canWrite());
    out.put("language", Scoped.of(ctx).msg().lang());
    send(ctx, 200, out);
  }

  private void addClient(Context ctx) {
    Scoped s = Scoped.of(ctx);
    JsonNode b = body(ctx);
    String name = text(b, "name", 200, true);
    String lang = text(b, "language", 5, false);
    Optional<Long> id = app.db().with(c -> TenantSql.addClient(c, s.tenant(), name,
        Messages.supported(lang) ? lang : null, app.now()));
    if (id.isEmpty()) {
      throw new WebError(409, "error.client-exists");
    }
    app.audit(ctx, "client.create", name, "client " + id.get());
    for (JsonNode d : b.path("domains")) {
      addDomain(ctx, s.tenant(), id.get(), d.asText());
    }
    send(ctx, 201, app.db().with(c -> TenantSql.client(c, s.tenant(), id.get())).orElseThrow());
  }

  private void updateClient(Context ctx) {
    Scoped s = Scoped.of(ctx);
    JsonNode b = body(ctx);
    String name = text(b, "name", 200, true);
    String lang = text(b, "language", 5, false);
    app.db().with(c -> {
      TenantSql.updateClient(c, s.tenant(), s.clientId(), name,
          Messages.supported(lang) ? lang : null);
      return null;
    });
    app.audit(ctx, "client.update", name, "client " + s.clientId());
    send(ctx, 200, app.db().with(c -> TenantSql.client(c, s.tenant(), s.clientId())).orElseThrow());
  }

  private void addDomain(Context ctx) {
    Scoped s = Scoped.of(ctx);
    String d = addDomain(ctx, s.tenant(), s.clientId(), text(body(ctx), "domain", 253, true));
    ctx.header("Location", "/api/v1/domains/" + d);
    send(ctx, 201, domainBody(s.tenant(), d, s.clientId()));
  }

  private String addDomain(Context ctx, long tenant, long clientId, String raw) {
    String d = DomainNames.normalise(raw);
    if (d == null || !d.contains(".")) {
      throw WebError.badRequest("error.domain");
    }
    if (!app.db().with(c -> TenantSql.addDomain(c, tenant, clientId, d, app.now()))) {
      throw new WebError(409, "error.domain-exists");
    }
    app.audit(ctx, "domain.add", d, "client " + clientId);
    return d;
  }

  private Map<String, Object> domainBody(long tenant, String d, long clientId) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("domain", d);
    out.put("client", clientId);
    String address = domains.reportAddress(tenant);
    if (address != null) {
      out.put("records", Onboarding.plan(app, tenant, d, address));
    }
    Optional<CheckSql.Check> k = app.db().with(c -> CheckSql.latest(c, tenant, d));
    out.put("last_check", k.map(x -> Map.of("checked_at", x.checkedAt(), "score", x.score(),
        "errors", x.errors(), "warnings", x.warnings())).orElse(null));
    out.put("verification", app.db().with(c -> CheckSql.latestVerification(c, tenant, d))
        .orElse(null));
    return out;
  }

  private void domain(Context ctx) {
    Scoped s = Scoped.of(ctx);
    send(ctx, 200, domainBody(s.tenant(), s.domainName(), s.clientId()));
  }

  private void deleteDomain(Context ctx) {
    Scoped s = Scoped.of(ctx);
    app.db().with(c -> TenantSql.removeDomain(c, s.tenant(), s.domainName()));
    app.forgetOwners();
    app.audit(ctx, "domain.remove", s.domainName(), "client " + s.clientId());
    ctx.status(204);
  }

  private void verify(Context ctx) {
    Scoped s = Scoped.of(ctx);
    String address = domains.reportAddress(s.tenant());
    if (address == null) {
      throw new WebError(409, "setup-records.no-address");
    }
    if (app.dns() == null) {
      throw new WebError(503, "error.no-dns");
    }
    Onboarding.Verified v = Onboarding.verify(Onboarding.plan(app, s.tenant(), s.domainName(),
        address), address, app.dns());
    app.db().with(c -> {
      CheckSql.saveVerification(c, s.tenant(), s.domainName(), app.now(), v.dmarcOk(),
          v.authorisationOk(), v.detail());
      return null;
    });
    app.audit(ctx, "domain.verify", s.domainName(), "dmarc " + v.dmarcOk() + ", authorisation "
        + v.authorisationOk());
    send(ctx, 200, v);
  }

  private void lastCheck(Context ctx) {
    Scoped s = Scoped.of(ctx);
    CheckSql.Check k = app.db().with(c -> CheckSql.latest(c, s.tenant(), s.domainName()))
        .orElseThrow(WebError::notFound);
    ctx.status(200).contentType("application/json").result(k.json());
  }

  private void runCheck(Context ctx) {
    Scoped s = Scoped.of(ctx);
    CheckSql.Check k = domains.runCheck(ctx, s.tenant(), s.domainName());
    ctx.status(200).contentType("application/json").result(k.json());
  }

  private void addNote(Context ctx) {
    Scoped s = Scoped.of(ctx);
    String body = text(body(ctx), "body", 4000, true);
    long id = app.db().with(c -> NoteSql.add(c, s.tenant(), s.domainName(), s.who().actor(), body,
        app.now()));
    app.audit(ctx, "note.add", s.domainName(), "note " + id);
    send(ctx, 201, Map.of("note_id", id));
  }

  private void upload(Context ctx) {
    Scoped s = Scoped.of(ctx);
    long max = app.settings().limits().maxInputBytes();
    List<Uploads.File> files = new ArrayList<>();
    if (ctx.isMultipartFormData()) {
      for (UploadedFile f : ctx.uploadedFiles("files")) {
        if (f.size() > max) {
          throw new WebError(413, "error.too-large");
        }
        try (InputStream in = f.content()) {
          files.add(new Uploads.File(f.filename() == null ? "upload" : f.filename(),
              in.readAllBytes()));
        } catch (IOException e) {
          throw WebError.badRequest("upload.unreadable");
        }
      }
    } else {
      byte[] b = ctx.bodyAsBytes();
      if (b.length > max) {
        throw new WebError(413, "error.too-large");
      }
      String name = ctx.queryParam("name");
      files.add(new Uploads.File(name == null || name.isBlank() ? "upload" : name, b));
    }
    if (files.isEmpty() || files.stream().allMatch(f -> f.bytes().length == 0)) {
      throw WebError.badRequest("upload.none");
    }
    List<Uploads.Result> results = Uploads.ingest(app, s, files);
    for (Uploads.Result r : results) {
      app.audit(ctx, "report.upload", r.name(), "sha256 " + r.sha256() + ": " + r.reports()
          + " report(s), " + r.duplicates() + " duplicate(s), " + r.quarantined() + " quarantined");
    }
    boolean nothingStored = results.stream().allMatch(r -> !r.reasons().isEmpty()
        && r.reports() == 0 && r.duplicates() == 0);
    if (nothingStored) {
      StringBuilder why = new StringBuilder();
      for (Uploads.Result r : results) {
        for (var q : r.reasons()) {
          why.append(why.isEmpty() ? "" : "; ").append(q.origin()).append(": ").append(q.reason());
        }
      }
      throw new WebError(422, "upload.rejected", why.toString());
    }
    send(ctx, 200, results);
  }

  private void users(Context ctx) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (AccountSql.User u : app.db().with(c -> AccountSql.users(c, Scoped.of(ctx).tenant()))) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("user_id", u.userId());
      m.put("email", u.email());
      m.put("name", u.displayName());
      m.put("role", u.role());
      m.put("client", u.clientId());
      m.put("totp", u.totpSecret() != null);
      m.put("disabled_at", u.disabledAt());
      out.add(m);
    }
    send(ctx, 200, out);
  }

  private void invite(Context ctx) {
    JsonNode b = body(ctx);
    Role role = Role.fromStored(text(b, "role", 40, true));
    if (role == null) {
      throw WebError.badRequest("error.role");
    }
    @Nullable Long client = b.hasNonNull("client") ? b.get("client").asLong() : null;
    String link = Admin.invite(app, ctx, text(b, "email", 320, true), role, client);
    send(ctx, 201, Map.of("link", link));
  }

  private void createToken(Context ctx) {
    JsonNode b = body(ctx);
    @Nullable Long client = b.hasNonNull("client") ? b.get("client").asLong() : null;
    Admin.NewToken t = Admin.createToken(app, ctx, text(b, "label", 100, true), client,
        b.path("write").asBoolean(false));
    send(ctx, 201, Map.of("token_id", t.id(), "token", t.secret()));
  }
}
