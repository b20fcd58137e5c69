package dev.vigie.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** The stylesheet, script and icon, served from the jar (pages work offline: no CDN). */
final class StaticFiles {
  private static final Map<String, String> TYPES = Map.of(
      "app.css", "text/css; charset=utf-8",
      "app.js", "text/javascript; charset=utf-8",
      "favicon.svg", "image/svg+xml");

  private StaticFiles() {}

  static void register(ScopedRouter r) {
    r.get("/static/{file}", Scope.PUBLIC, ctx -> {
      String f = ctx.pathParam("file");
      String type = TYPES.get(f);
      if (type == null) {
        throw WebError.notFound();
      }
      try (InputStream in = StaticFiles.class.getResourceAsStream("/dev/vigie/web/static/" + f)) {
        if (in == null) {
          throw WebError.notFound();
        }
        ctx.contentType(type).header("Cache-Control", "public, max-age=3600").result(in.readAllBytes());
      } catch (IOException e) {
        throw new WebError(500, "error.internal");
      }
    });
  }
}
