package dev.vigie.store;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The audit log: every change made through the web app or its API, who, what, when, from where. */
public final class AuditSql {
  private AuditSql() {}

  public record Event(long eventId, Instant at, String actor, String action,
      @Nullable String target, @Nullable String detail, @Nullable String ip) {}

  public static void record(Connection c, long tenant, String actor, String action,
      @Nullable String target, @Nullable String detail, @Nullable String ip, Instant now) {
    Jdbc.update(c, "INSERT INTO audit_event (tenant_id, event_id, occurred_at, actor, action_name,"
        + " target, detail, client_ip) VALUES (?,?,?,?,?,?,?,?)", tenant, Jdbc.nextId(c), now,
        actor, action, target, detail, ip);
  }

  public static List<Event> recent(Connection c, long tenant, int limit) {
    return Jdbc.list(c, "SELECT event_id, occurred_at, actor, action_name, target, detail,"
        + " client_ip FROM audit_event WHERE tenant_id = ? ORDER BY occurred_at DESC, event_id DESC"
        + " LIMIT " + Math.max(1, Math.min(limit, 1000)),
        rs -> new Event(rs.getLong(1), Jdbc.instant(rs, "occurred_at"), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)), tenant);
  }
}
