package dev.vigie.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vigie.check.DomainReport;
import dev.vigie.check.Severity;
import dev.vigie.check.history.ChangeEvent;
import dev.vigie.check.history.CheckChanges;
import dev.vigie.check.history.CheckSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.List;

/**
 * The history of a domain's DNS checks, kept in the store: each check (its full JSON document
 * and the compact {@link CheckSnapshot} the next one is compared on) and the {@link ChangeEvent}s
 * found against the previous check. `vigie check` and the web app both record through here, so
 * a check run from either is compared with the last one run from either.
 */
public final class CheckHistoryStore {
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private CheckHistoryStore() {}

  /** Records a check and returns what changed since the previous one (nothing the first time). */
  public static List<ChangeEvent> record(Connection c, long tenant, DomainReport r,
      String reportJson) {
    int warnings = (int) r.findings().stream().filter(f -> f.severity() == Severity.WARNING)
        .count();
    return record(c, tenant, CheckSnapshot.of(r), warnings, reportJson);
  }

  /** The same from a snapshot (its error codes count the errors). */
  public static List<ChangeEvent> record(Connection c, long tenant, CheckSnapshot now,
      int warnings, String reportJson) {
    CheckSnapshot previous = CheckSql.latestSnapshot(c, tenant, now.domain())
        .map(CheckHistoryStore::read).orElse(null);
    List<ChangeEvent> events = previous == null ? List.of() : CheckChanges.between(previous, now);
    CheckSql.saveCheck(c, tenant, now.domain(), now.checkedAt(), now.score(),
        now.errorCodes().size(), warnings, reportJson, write(now));
    for (ChangeEvent e : events) {
      CheckSql.saveChange(c, tenant, now.domain(), now.checkedAt(), e);
    }
    return events;
  }

  private static String write(CheckSnapshot s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static @org.jspecify.annotations.Nullable CheckSnapshot read(String json) {
    try {
      return JSON.readValue(json, CheckSnapshot.class);
    } catch (IOException unreadable) {
      return null; // an older snapshot shape: compare against nothing rather than fail
    }
  }
}
