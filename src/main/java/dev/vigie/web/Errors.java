package dev.vigie.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Errors in one shape: application/problem+json (RFC 9457) for API routes and API clients, an
 * error page for browsers; 401 on a page sends the browser to sign in. Unknown errors are logged
 * by the caller and shown as a generic message.
 */
public final class Errors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Errors() {}

  static void render(WebApp app, Context ctx, WebError e) {
    ctx.attribute("vigie.rendered", true);
    Scoped s = ctx.attribute(Scoped.KEY);
    Messages msg = s != null ? s.msg() : Messages.of(Guard.acceptLanguage(ctx));
    String title = msg.get("status." + e.status());
    String detail = msg.get(e.key(), e.args());
    if (wantsProblem(ctx)) {
      ObjectNode p = JSON.createObjectNode();
      p.put("type", "https://vigie.dev/problems/" + e.key().replace('.', '-'));
      p.put("title", title);
      p.put("status", e.status());
      p.put("detail", detail);
      p.put("instance", ctx.path());
      ctx.status(e.status()).contentType("application/problem+json").result(p.toString());
      if (e.status() == 401) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"vigie\"");
      }
      return;
    }
    if (e.status() == 401) {
      String next = ctx.method().toString().equals("GET") ? ctx.path() : "/";
      ctx.redirect("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
      return;
    }
    ctx.status(e.status()).html(Layout.page(app, ctx, title, h -> {
      h.el("h1", title);
      h.el("p", detail, "class", "error");
      h.open("p").el("a", msg.get("nav.home"), "href", "/").close("p");
    }));
  }

  static boolean wantsProblem(Context ctx) {
    Boolean api = ctx.attribute("vigie.api");
    if (Boolean.TRUE.equals(api) || ctx.path().startsWith("/api/")) {
      return true;
    }
    String accept = ctx.header("Accept");
    return accept != null && (accept.contains("application/json")
        || accept.contains("application/problem+json")) && !accept.contains("text/html");
  }
}
