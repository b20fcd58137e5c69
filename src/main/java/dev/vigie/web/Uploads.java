package dev.vigie.web;

import dev.vigie.ingest.IngestResult;
import dev.vigie.ingest.Source;
import dev.vigie.store.Ingestor;
import dev.vigie.store.UploadSql;
import java.util.ArrayList;
import java.util.List;

/**
 * Uploaded report files go through the one {@link Ingestor} like every other source: archived
 * first, then parsed within the parse limits; hostile or broken files are quarantined with the
 * reason, which the uploader sees.
 */
public final class Uploads {
  private Uploads() {}

  /** One uploaded file. */
  public record File(String name, byte[] bytes) {}

  /** What one file became. */
  public record Result(String name, String sha256, boolean alreadyStored, int reports,
      int duplicates, int quarantined, List<UploadSql.Quarantined> reasons) {}

  public static List<Result> ingest(WebApp app, Scoped s, List<File> files) {
    List<Ingestor.Item> items = new ArrayList<>();
    for (File f : files) {
      items.add(new Ingestor.Item(f.bytes(), new Source(Source.Kind.UPLOAD,
          "upload by " + s.who().actor() + ": " + f.name(), app.now())));
    }
    List<IngestResult> results = app.ingestor(s.tenant()).ingestBatch(items);
    app.invalidate(s.tenant());
    List<Result> out = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      IngestResult r = results.get(i);
      // also for bytes received before: the uploader still learns why they were not readable
      List<UploadSql.Quarantined> reasons = r.quarantined() == 0 && !r.alreadyArchived()
          ? List.of() : app.db().with(c -> UploadSql.quarantineReasons(c, s.tenant(), r.sha256()));
      out.add(new Result(files.get(i).name(), r.sha256(), r.alreadyArchived(), r.reports(),
          r.duplicates(), r.quarantined(), reasons));
    }
    return out;
  }
}
