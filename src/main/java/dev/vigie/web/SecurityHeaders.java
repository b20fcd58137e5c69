package dev.vigie.web;

import io.javalin.http.Context;

/**
 * Headers on every response, matched route or not. The CSP allows no inline script or style at
 * all: scripts and styles come from the jar under /static, charts are inline SVG with presentation
 * attributes.
 */
final class SecurityHeaders {
  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none';"
      + " base-uri 'none'";

  private SecurityHeaders() {}

  static void apply(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    ctx.header("Cross-Origin-Resource-Policy", "same-origin");
    if (!ctx.path().startsWith("/static/")) {
      ctx.header("Cache-Control", "no-store");
    }
    if (ctx.scheme().equals("https") || "https".equals(ctx.header("X-Forwarded-Proto"))) {
      ctx.header("Strict-Transport-Security", "max-age=31536000");
    }
  }
}
