package dev.vigie.store;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/** The notes timeline a technician writes on a domain ("added SendGrid DKIM on 3 March"). */
public final class NoteSql {
  private NoteSql() {}

  public record Note(long noteId, String domain, String author, String body, Instant createdAt) {}

  public static long add(Connection c, long tenant, String domain, String author, String body,
      Instant now) {
    long id = Jdbc.nextId(c);
    Jdbc.update(c, "INSERT INTO domain_note (tenant_id, note_id, domain_name, author, body,"
        + " created_at) VALUES (?,?,?,?,?,?)", tenant, id, domain, author, body, now);
    return id;
  }

  public static List<Note> forDomain(Connection c, long tenant, String domain) {
    return Jdbc.list(c, "SELECT note_id, domain_name, author, body, created_at FROM domain_note"
        + " WHERE tenant_id = ? AND domain_name = ? ORDER BY created_at DESC, note_id DESC",
        rs -> new Note(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            Jdbc.instant(rs, "created_at")), tenant, domain);
  }

  public static boolean delete(Connection c, long tenant, String domain, long noteId) {
    return Jdbc.update(c, "DELETE FROM domain_note WHERE tenant_id = ? AND domain_name = ?"
        + " AND note_id = ?", tenant, domain, noteId) == 1;
  }
}
