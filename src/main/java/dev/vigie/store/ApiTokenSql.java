package dev.vigie.store;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** API tokens: only their SHA-256 is stored; each is read-only or read-write, tenant- or client-wide. */
public final class ApiTokenSql {
  private ApiTokenSql() {}

  public record Token(long tenantId, long tokenId, String label, @Nullable Long clientId,
      boolean canWrite, long createdBy, Instant createdAt, @Nullable Instant lastUsedAt,
      @Nullable Instant revokedAt) {}

  private static final String COLUMNS = "tenant_id, token_id, label, client_id, can_write,"
      + " created_by, created_at, last_used_at, revoked_at";

  private static Token token(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Token(rs.getLong(1), rs.getLong(2), rs.getString(3),
        Jdbc.nullableLong(rs, "client_id"), rs.getBoolean(5), rs.getLong(6),
        Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "last_used_at"),
        Jdbc.instant(rs, "revoked_at"));
  }

  public static long create(Connection c, long tenant, String hash, String label,
      @Nullable Long clientId, boolean canWrite, long createdBy, Instant now) {
    long id = Jdbc.nextId(c);
    Jdbc.update(c, "INSERT INTO api_token (tenant_id, token_id, token_hash, label, client_id,"
        + " can_write, created_by, created_at) VALUES (?,?,?,?,?,?,?,?)", tenant, id, hash, label,
        clientId, canWrite, createdBy, now);
    return id;
  }

  public static Optional<Token> active(Connection c, long tenant, String hash) {
    return Jdbc.one(c, "SELECT " + COLUMNS + " FROM api_token WHERE tenant_id = ?"
        + " AND token_hash = ? AND revoked_at IS NULL", ApiTokenSql::token, tenant, hash);
  }

  public static List<Token> list(Connection c, long tenant) {
    return Jdbc.list(c, "SELECT " + COLUMNS + " FROM api_token WHERE tenant_id = ?"
        + " ORDER BY created_at DESC", ApiTokenSql::token, tenant);
  }

  public static boolean revoke(Connection c, long tenant, long tokenId, Instant now) {
    return Jdbc.update(c, "UPDATE api_token SET revoked_at = ? WHERE tenant_id = ? AND token_id = ?"
        + " AND revoked_at IS NULL", now, tenant, tokenId) == 1;
  }

  public static void touch(Connection c, long tenant, long tokenId, Instant now) {
    Jdbc.bestEffortUpdate(c, "UPDATE api_token SET last_used_at = ?"
        + " WHERE tenant_id = ? AND token_id = ?",
        now, tenant, tokenId);
  }
}
