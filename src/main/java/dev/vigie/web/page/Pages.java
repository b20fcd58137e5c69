package dev.vigie.web.page;

import dev.vigie.web.Html;
import dev.vigie.web.Layout;
import dev.vigie.web.Messages;
import dev.vigie.web.Scoped;
import dev.vigie.web.WebApp;
import dev.vigie.web.WebError;
import io.javalin.http.Context;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Small helpers shared by the page classes. */
final class Pages {
  private Pages() {}

  static void render(WebApp app, Context ctx, String title, Consumer<Html> body) {
    ctx.html(Layout.page(app, ctx, title, body));
  }

  static Messages msg(Context ctx) {
    return Scoped.of(ctx).msg();
  }

  /** A form field's value, stripped; a 400 with {@code key} when required and blank. */
  static String form(Context ctx, String name, int maxLength) {
    String v = ctx.formParam(name);
    v = v == null ? "" : v.strip();
    if (v.length() > maxLength) {
      throw WebError.badRequest("error.too-long", name, maxLength);
    }
    return v;
  }

  /** A redirect target from the request, kept on this site. */
  static String safeNext(@Nullable String next, String otherwise) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
        || next.contains("\r") || next.contains("\n")) {
      return otherwise;
    }
    return next;
  }

  /** A notice shown at the top of a page after a redirect (?done=key). */
  static void notice(Html h, Context ctx) {
    String done = ctx.queryParam("done");
    if (done != null && done.matches("[a-z0-9.-]{1,40}")) {
      String text = msg(ctx).get("done." + done);
      if (!text.equals("done." + done)) {
        h.el("p", text, "class", "notice", "role", "status");
      }
    }
  }

  static void error(Html h, @Nullable String text) {
    if (text != null) {
      h.el("p", text, "class", "error", "role", "alert");
    }
  }

  static void submit(Html h, String label) {
    h.el("button", label, "type", "submit");
  }
}
