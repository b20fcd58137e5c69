package dev.vigie.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** The page frame: head, navigation for the caller's role, language switch, main content. */
public final class Layout {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private Layout() {}

  public static String page(WebApp app, Context ctx, String title, Consumer<Html> body) {
    Scoped s = ctx.attribute(Scoped.KEY);
    Messages msg = s != null ? s.msg() : Messages.of("en");
    Caller caller = s != null ? s.caller() : null;
    Html h = new Html();
    h.open("html", "lang", msg.lang());
    h.open("head");
    h.empty("meta", "charset", "utf-8");
    h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
    h.el("title", title + " · Vigie");
    h.empty("link", "rel", "stylesheet", "href", "/static/app.css");
    h.empty("link", "rel", "icon", "href", "/static/favicon.svg", "type", "image/svg+xml");
    h.open("script", "src", "/static/app.js", "defer", "defer").close("script");
    h.close("head");
    h.open("body");
    h.el("a", msg.get("nav.skip"), "href", "#main", "class", "skip");
    h.open("header", "class", "top");
    h.el("a", "Vigie", "href", "/", "class", "brand");
    if (caller != null && caller.fullySignedIn()) {
      h.open("button", "type", "button", "class", "nav-toggle", "aria-controls", "nav",
          "aria-expanded", "false").text(msg.get("nav.menu")).close("button");
      h.open("nav", "id", "nav", "aria-label", msg.get("nav.label")).open("ul");
      if (caller.staff()) {
        item(h, ctx, "/overview", msg.get("nav.overview"));
        item(h, ctx, "/clients", msg.get("nav.clients"));
        item(h, ctx, "/onboarding", msg.get("nav.onboarding"));
        item(h, ctx, "/upload", msg.get("nav.upload"));
      } else if (caller.clientId() != null) {
        item(h, ctx, "/clients/" + caller.clientId(), msg.get("nav.my-domains"));
      }
      if (caller.admin()) {
        item(h, ctx, "/admin/users", msg.get("nav.users"));
        item(h, ctx, "/admin/tokens", msg.get("nav.tokens"));
        item(h, ctx, "/admin/audit", msg.get("nav.audit"));
        item(h, ctx, "/admin/settings", msg.get("nav.settings"));
      }
      item(h, ctx, "/account", msg.get("nav.account"));
      h.close("ul").close("nav");
      h.open("form", "method", "post", "action", "/logout", "class", "inline");
      csrf(h, ctx);
      h.el("button", msg.get("nav.signout"), "type", "submit", "class", "link");
      h.close("form");
    }
    languageSwitch(h, ctx, msg, caller);
    h.close("header");
    h.open("main", "id", "main", "tabindex", "-1");
    body.accept(h);
    h.close("main");
    h.close("body").close("html");
    return "<!doctype html>\n" + h;
  }

  private static void item(Html h, Context ctx, String href, String label) {
    boolean here = ctx.path().equals(href) || ctx.path().startsWith(href + "/");
    h.open("li").el("a", label, "href", href, "aria-current", here ? "page" : null).close("li");
  }

  private static void languageSwitch(Html h, Context ctx, Messages msg, @Nullable Caller caller) {
    String other = msg.lang().equals("fr") ? "en" : "fr";
    String label = other.equals("fr") ? "Français" : "English";
    if (caller != null && caller.session() != null && caller.fullySignedIn()) {
      h.open("form", "method", "post", "action", "/account/language", "class", "inline lang");
      csrf(h, ctx);
      h.empty("input", "type", "hidden", "name", "lang", "value", other);
      h.empty("input", "type", "hidden", "name", "next", "value", ctx.path());
      h.el("button", label, "type", "submit", "class", "link", "lang", other);
      h.close("form");
    } else {
      h.el("a", label, "href", "/lang/" + other + "?next=" + ctx.path(), "class", "lang",
          "lang", other);
    }
  }

  /** The CSRF field of the caller's session (or the pre-sign-in token). */
  public static void csrf(Html h, Context ctx) {
    Scoped s = ctx.attribute(Scoped.KEY);
    String token;
    if (s != null && s.caller() != null && s.caller().session() != null) {
      token = s.caller().session().csrfToken();
    } else {
      WebApp app = ctx.attribute("vigie.app");
      token = app != null ? app.sessions().preCsrf(ctx) : "";
    }
    h.empty("input", "type", "hidden", "name", "_csrf", "value", token);
  }

  public static String time(@Nullable Instant t) {
    return t == null ? "—" : TIME.format(t);
  }

  public static String date(@Nullable Instant t) {
    return t == null ? "—" : DATE.format(t);
  }

  /** A labelled form field; {@code type} "textarea" gives a text area. */
  public static void field(Html h, String id, String label, String type, @Nullable String value,
      boolean required, String... extra) {
    h.open("div", "class", "field");
    h.el("label", label, "for", id);
    String[] attrs = concat(new String[] {"id", id, "name", id}, extra);
    if (required) {
      attrs = concat(attrs, new String[] {"required", "required"});
    }
    if (type.equals("textarea")) {
      h.open("textarea", attrs).text(value).close("textarea");
    } else {
      h.empty("input", concat(attrs, new String[] {"type", type, "value", value}));
    }
    h.close("div");
  }

  public static String[] concat(String[] a, String[] b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
