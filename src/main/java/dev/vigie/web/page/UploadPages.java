package dev.vigie.web.page;

import dev.vigie.web.Layout;
import dev.vigie.web.Messages;
import dev.vigie.web.Scope;
import dev.vigie.web.ScopedRouter;
import dev.vigie.web.Scoped;
import dev.vigie.web.Uploads;
import dev.vigie.web.WebApp;
import dev.vigie.web.WebError;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Uploading report files from the browser (aggregate, failure, TLS; .xml, .gz, .zip, .eml, mbox). */
public final class UploadPages {
  private final WebApp app;

  public UploadPages(WebApp app) {
    this.app = app;
  }

  public void register(ScopedRouter r) {
    r.get("/upload", Scope.TENANT, ctx -> form(ctx, List.of()));
    r.post("/upload", Scope.TENANT, this::upload);
  }

  private void form(Context ctx, List<Uploads.Result> results) {
    Messages m = Pages.msg(ctx);
    Pages.render(app, ctx, m.get("upload.title"), h -> {
      h.el("h1", m.get("upload.title"));
      if (!results.isEmpty()) {
        h.open("section", "aria-labelledby", "results-h", "role", "status");
        h.el("h2", m.get("upload.results"), "id", "results-h");
        h.open("ul", "class", "results");
        for (Uploads.Result r : results) {
          h.open("li", "class", r.reasons().isEmpty() ? "ok" : "bad");
          h.el("strong", r.name());
          h.text(" — " + (r.alreadyStored() ? m.get("upload.already")
              : m.get("upload.counts", r.reports(), r.duplicates(), r.quarantined())));
          if (!r.reasons().isEmpty()) {
            h.open("ul");
            for (var q : r.reasons()) {
              h.el("li", q.origin() + ": " + q.reason(), "class", "error");
            }
            h.close("ul");
          }
          h.close("li");
        }
        h.close("ul").close("section");
      }
      h.el("p", m.get("upload.help", app.settings().limits().maxInputBytes() / (1024 * 1024)));
      h.open("form", "method", "post", "action", "/upload", "enctype", "multipart/form-data",
          "class", "card");
      Layout.csrf(h, ctx);
      h.open("div", "class", "field");
      h.el("label", m.get("upload.files"), "for", "files");
      h.empty("input", "type", "file", "id", "files", "name", "files", "multiple", "multiple",
          "required", "required");
      h.close("div");
      Pages.submit(h, m.get("upload.submit"));
      h.close("form");
    });
  }

  private void upload(Context ctx) {
    Scoped s = Scoped.of(ctx);
    List<UploadedFile> parts = ctx.uploadedFiles("files");
    if (parts.isEmpty()) {
      throw WebError.badRequest("upload.none");
    }
    List<Uploads.File> files = new ArrayList<>();
    long max = app.settings().limits().maxInputBytes();
    for (UploadedFile f : parts) {
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
    List<Uploads.Result> results = Uploads.ingest(app, s, files);
    for (Uploads.Result r : results) {
      app.audit(ctx, "report.upload", r.name(), "sha256 " + r.sha256() + ": " + r.reports()
          + " report(s), " + r.duplicates() + " duplicate(s), " + r.quarantined()
          + " quarantined");
    }
    form(ctx, results);
  }
}
