package dev.vigie.web.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigie.web.RouteSpec;
import dev.vigie.web.Scope;
import dev.vigie.web.ScopedRouter;
import dev.vigie.web.WebApp;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1 document at /api/openapi.json, generated from the routes as registered (path,
 * method, summary, scope), so it cannot drift from them; the scope of each operation is stated in
 * its description and in {@code x-vigie-scope}.
 */
public final class OpenApi {
  private static final Pattern PARAM = Pattern.compile("\\{([a-zA-Z]+)}");

  private OpenApi() {}

  public static void register(ScopedRouter r, WebApp app) {
    r.apiGet("/api/openapi.json", Scope.PUBLIC, "This document", ctx -> ctx.status(200)
        .contentType("application/json").result(document(app).toPrettyString()));
  }

  static ObjectNode document(WebApp app) {
    ObjectNode doc = ApiRoutes.JSON.createObjectNode();
    doc.put("openapi", "3.1.0");
    ObjectNode info = doc.putObject("info");
    info.put("title", "Vigie API");
    info.put("version", "1");
    info.put("description", "DMARC and DNS posture for MSPs. Authenticate with"
        + " 'Authorization: Bearer vgt_…' (tokens are created by an MSP admin; read-only or"
        + " read-write, for all clients or one). Errors are application/problem+json (RFC 9457).");
    ObjectNode comps = doc.putObject("components");
    ObjectNode bearer = comps.putObject("securitySchemes").putObject("bearer");
    bearer.put("type", "http");
    bearer.put("scheme", "bearer");
    ObjectNode problem = comps.putObject("schemas").putObject("Problem");
    problem.put("type", "object");
    ObjectNode props = problem.putObject("properties");
    for (String p : new String[] {"type", "title", "detail", "instance"}) {
      props.putObject(p).put("type", "string");
    }
    props.putObject("status").put("type", "integer");
    ObjectNode paths = doc.putObject("paths");
    for (RouteSpec s : app.routes()) {
      if (!s.api()) {
        continue;
      }
      ObjectNode path = paths.has(s.path()) ? (ObjectNode) paths.get(s.path())
          : paths.putObject(s.path());
      ObjectNode op = path.putObject(s.method().name().toLowerCase(Locale.ROOT));
      op.put("summary", s.summary());
      op.put("x-vigie-scope", scopeName(s.scope()));
      op.put("description", "Scope: " + scopeName(s.scope()) + (s.writes()
          ? ". Needs a read-write caller." : "."));
      if (!(s.scope() instanceof Scope.Public)) {
        op.putArray("security").addObject().putArray("bearer");
      }
      ArrayNode params = null;
      Matcher m = PARAM.matcher(s.path());
      while (m.find()) {
        if (params == null) {
          params = op.putArray("parameters");
        }
        ObjectNode p = params.addObject();
        p.put("name", m.group(1));
        p.put("in", "path");
        p.put("required", true);
        p.putObject("schema").put("type", m.group(1).endsWith("Id") ? "integer" : "string");
      }
      if (s.writes() && !s.method().name().equals("DELETE")) {
        ObjectNode content = op.putObject("requestBody").putObject("content");
        if (s.path().equals("/api/v1/reports")) {
          content.putObject("application/octet-stream").putObject("schema").put("type", "string")
              .put("format", "binary");
          content.putObject("multipart/form-data").putObject("schema").put("type", "object");
        } else {
          content.putObject("application/json").putObject("schema").put("type", "object");
        }
      }
      ObjectNode responses = op.putObject("responses");
      responses.putObject(s.method().name().equals("DELETE") ? "204" : "200")
          .put("description", "OK");
      ObjectNode err = responses.putObject("default");
      err.put("description", "An error (400, 401, 403, 404, 409, 413, 422, 503)");
      err.putObject("content").putObject("application/problem+json").putObject("schema")
          .put("$ref", "#/components/schemas/Problem");
    }
    return doc;
  }

  private static String scopeName(Scope s) {
    return switch (s) {
      case Scope.Public p -> "public";
      case Scope.SigningIn p -> "signing-in";
      case Scope.Account p -> "own account";
      case Scope.Tenant p -> "MSP staff or tenant-wide token";
      case Scope.Admin p -> "MSP admin";
      case Scope.Client c -> "client (" + c.pathParam() + ")";
      case Scope.Domain d -> "domain (" + d.pathParam() + ")";
    };
  }
}
