package dev.vigie.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Web accounts: users, sessions, setup links, invitations and sign-in attempts. */
public final class AccountSql {
  private AccountSql() {}

  /**
   * A user; {@code clientId} is set for client viewers only. {@code totpSecret} is the stored
   * form, sealed with the server key (see {@code dev.vigie.web.TotpSecrets}); null when the user
   * has no TOTP.
   */
  public record User(long tenantId, long userId, String email, String displayName,
      String passwordHash, String role, @Nullable Long clientId, @Nullable String lang,
      @Nullable String totpSecret, @Nullable Long totpLastStep, int failedLogins,
      @Nullable Instant lockedUntil, Instant createdAt, @Nullable Instant disabledAt) {}

  /** A session row: the id itself is never stored, only its hash. */
  public record Session(long tenantId, String sessionHash, long userId, String stage,
      String csrfToken, Instant createdAt, Instant lastSeenAt, Instant expiresAt) {}

  /** A pending or past invitation. */
  public record Invitation(long tenantId, long invitationId, String email, String role,
      @Nullable Long clientId, Instant createdAt, Instant expiresAt, @Nullable Instant acceptedAt,
      @Nullable Instant revokedAt) {}

  private static final String USER_COLUMNS = "tenant_id, user_id, email, display_name,"
      + " password_hash, role_name, client_id, lang_code, totp_secret, totp_last_step,"
      + " failed_logins, locked_until, created_at, disabled_at";

  private static User user(ResultSet rs) throws SQLException {
    return new User(rs.getLong("tenant_id"), rs.getLong("user_id"), rs.getString("email"),
        rs.getString("display_name"), rs.getString("password_hash"), rs.getString("role_name"),
        Jdbc.nullableLong(rs, "client_id"), rs.getString("lang_code"), rs.getString("totp_secret"),
        Jdbc.nullableLong(rs, "totp_last_step"), rs.getInt("failed_logins"),
        Jdbc.instant(rs, "locked_until"), Jdbc.instant(rs, "created_at"),
        Jdbc.instant(rs, "disabled_at"));
  }

  public static String normaliseEmail(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  public static long createUser(Connection c, long tenant, String email, String displayName,
      String passwordHash, String role, @Nullable Long clientId, Instant now) {
    long id = Jdbc.nextId(c);
    Jdbc.update(c, "INSERT INTO app_user (" + USER_COLUMNS + ") VALUES"
        + " (?,?,?,?,?,?,?,NULL,NULL,NULL,0,NULL,?,NULL)", tenant, id, normaliseEmail(email),
        displayName, passwordHash, role, clientId, now);
    return id;
  }

  /** Signing in: the one lookup across tenants (emails are unique). */
  public static Optional<User> userByEmail(Connection c, String email) {
    return Jdbc.one(c, "SELECT " + USER_COLUMNS + " FROM app_user WHERE email = ?",
        AccountSql::user, normaliseEmail(email));
  }

  public static Optional<User> user(Connection c, long tenant, long userId) {
    return Jdbc.one(c, "SELECT " + USER_COLUMNS + " FROM app_user WHERE tenant_id = ?"
        + " AND user_id = ?", AccountSql::user, tenant, userId);
  }

  public static List<User> users(Connection c, long tenant) {
    return Jdbc.list(c, "SELECT " + USER_COLUMNS + " FROM app_user WHERE tenant_id = ?"
        + " ORDER BY email", AccountSql::user, tenant);
  }

  public static long userCount(Connection c, long tenant) {
    return Jdbc.scalar(c, "SELECT count(*) FROM app_user WHERE tenant_id = ?", tenant);
  }

  public static void recordFailure(Connection c, long tenant, long userId, int failures,
      @Nullable Instant lockedUntil) {
    Jdbc.update(c, "UPDATE app_user SET failed_logins = ?, locked_until = ? WHERE tenant_id = ?"
        + " AND user_id = ?", failures, lockedUntil, tenant, userId);
  }

  public static void clearFailures(Connection c, long tenant, long userId) {
    Jdbc.update(c, "UPDATE app_user SET failed_logins = 0, locked_until = NULL"
        + " WHERE tenant_id = ? AND user_id = ?", tenant, userId);
  }

  public static void setTotp(Connection c, long tenant, long userId, @Nullable String secret,
      @Nullable Long lastStep) {
    Jdbc.update(c, "UPDATE app_user SET totp_secret = ?, totp_last_step = ? WHERE tenant_id = ?"
        + " AND user_id = ?", secret, lastStep, tenant, userId);
  }

  /** A stored (sealed) TOTP secret and the row it belongs to. */
  public record StoredTotp(long tenantId, long userId, String email, String totpSecret) {}

  /**
   * Start-up, across tenants: every stored TOTP secret, so that the server can check that its key
   * opens them (and seal any left in clear by an earlier build).
   */
  public static List<StoredTotp> storedTotpSecrets(Connection c) {
    return Jdbc.list(c, "SELECT tenant_id, user_id, email, totp_secret FROM app_user"
        + " WHERE totp_secret IS NOT NULL ORDER BY tenant_id, user_id",
        rs -> new StoredTotp(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
  }

  /** Replaces a stored TOTP secret by another form of it, keeping the last step used. */
  public static void resealTotp(Connection c, long tenant, long userId, String sealed) {
    Jdbc.update(c, "UPDATE app_user SET totp_secret = ? WHERE tenant_id = ? AND user_id = ?",
        sealed, tenant, userId);
  }

  /** Records the TOTP step just used; false when it was already used (a replay). */
  public static boolean useTotpStep(Connection c, long tenant, long userId, long step) {
    return Jdbc.update(c, "UPDATE app_user SET totp_last_step = ? WHERE tenant_id = ?"
        + " AND user_id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)",
        step, tenant, userId, step) == 1;
  }

  public static void setLanguage(Connection c, long tenant, long userId, @Nullable String lang) {
    Jdbc.update(c, "UPDATE app_user SET lang_code = ? WHERE tenant_id = ? AND user_id = ?",
        lang, tenant, userId);
  }

  public static void setPassword(Connection c, long tenant, long userId, String hash) {
    Jdbc.update(c, "UPDATE app_user SET password_hash = ? WHERE tenant_id = ? AND user_id = ?",
        hash, tenant, userId);
  }

  public static void setDisabled(Connection c, long tenant, long userId, @Nullable Instant at) {
    Jdbc.update(c, "UPDATE app_user SET disabled_at = ? WHERE tenant_id = ? AND user_id = ?",
        at, tenant, userId);
    if (at != null) {
      Jdbc.update(c, "DELETE FROM web_session WHERE tenant_id = ? AND user_id = ?", tenant, userId);
    }
  }

  // sessions

  public static void createSession(Connection c, long tenant, String hash, long userId,
      String stage, String csrf, Instant now, Instant expires, @Nullable String ip,
      @Nullable String userAgent) {
    Jdbc.update(c, "INSERT INTO web_session (tenant_id, session_hash, user_id, stage, csrf_token,"
        + " created_at, last_seen_at, expires_at, client_ip, user_agent)"
        + " VALUES (?,?,?,?,?,?,?,?,?,?)", tenant, hash, userId, stage, csrf, now, now, expires,
        ip, userAgent == null ? null : userAgent.substring(0, Math.min(200, userAgent.length())));
  }

  public static Optional<Session> session(Connection c, long tenant, String hash) {
    return Jdbc.one(c, "SELECT tenant_id, session_hash, user_id, stage, csrf_token, created_at,"
        + " last_seen_at, expires_at FROM web_session WHERE tenant_id = ? AND session_hash = ?",
        rs -> new Session(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
            rs.getString(5), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "last_seen_at"),
            Jdbc.instant(rs, "expires_at")), tenant, hash);
  }

  public static void touchSession(Connection c, long tenant, String hash, Instant now,
      Instant expires) {
    Jdbc.bestEffortUpdate(c, "UPDATE web_session SET last_seen_at = ?, expires_at = ?"
        + " WHERE tenant_id = ? AND session_hash = ?", now, expires, tenant, hash);
  }

  public static void deleteSession(Connection c, long tenant, String hash) {
    Jdbc.update(c, "DELETE FROM web_session WHERE tenant_id = ? AND session_hash = ?", tenant, hash);
  }

  public static void deleteExpiredSessions(Connection c, Instant now) {
    Jdbc.update(c, "DELETE FROM web_session WHERE expires_at < ?", now);
  }

  // setup links

  public static void createSetupToken(Connection c, long tenant, String hash, Instant now,
      Instant expires) {
    Jdbc.update(c, "INSERT INTO setup_token (tenant_id, token_hash, created_at, expires_at)"
        + " VALUES (?,?,?,?)", tenant, hash, now, expires);
  }

  /** Marks a valid setup link used; false when it is unknown, used or expired. */
  public static boolean useSetupToken(Connection c, long tenant, String hash, Instant now) {
    return Jdbc.update(c, "UPDATE setup_token SET used_at = ? WHERE tenant_id = ?"
        + " AND token_hash = ? AND used_at IS NULL AND expires_at > ?", now, tenant, hash, now) == 1;
  }

  public static boolean setupTokenValid(Connection c, long tenant, String hash, Instant now) {
    return Jdbc.scalar(c, "SELECT count(*) FROM setup_token WHERE tenant_id = ? AND token_hash = ?"
        + " AND used_at IS NULL AND expires_at > ?", tenant, hash, now) == 1;
  }

  // invitations

  private static final String INVITE_COLUMNS = "tenant_id, invitation_id, email, role_name,"
      + " client_id, created_at, expires_at, accepted_at, revoked_at";

  private static Invitation invitation(ResultSet rs) throws SQLException {
    return new Invitation(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
        Jdbc.nullableLong(rs, "client_id"), Jdbc.instant(rs, "created_at"),
        Jdbc.instant(rs, "expires_at"), Jdbc.instant(rs, "accepted_at"),
        Jdbc.instant(rs, "revoked_at"));
  }

  public static long createInvitation(Connection c, long tenant, String hash, String email,
      String role, @Nullable Long clientId, long invitedBy, Instant now, Instant expires) {
    long id = Jdbc.nextId(c);
    Jdbc.update(c, "INSERT INTO invitation (tenant_id, invitation_id, token_hash, email, role_name,"
        + " client_id, invited_by, created_at, expires_at) VALUES (?,?,?,?,?,?,?,?,?)", tenant, id,
        hash, normaliseEmail(email), role, clientId, invitedBy, now, expires);
    return id;
  }

  public static Optional<Invitation> openInvitation(Connection c, long tenant, String hash,
      Instant now) {
    return Jdbc.one(c, "SELECT " + INVITE_COLUMNS + " FROM invitation WHERE tenant_id = ?"
        + " AND token_hash = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?",
        AccountSql::invitation, tenant, hash, now);
  }

  public static boolean acceptInvitation(Connection c, long tenant, long invitationId, Instant now) {
    return Jdbc.update(c, "UPDATE invitation SET accepted_at = ? WHERE tenant_id = ?"
        + " AND invitation_id = ? AND accepted_at IS NULL AND revoked_at IS NULL", now, tenant,
        invitationId) == 1;
  }

  public static boolean revokeInvitation(Connection c, long tenant, long invitationId, Instant now) {
    return Jdbc.update(c, "UPDATE invitation SET revoked_at = ? WHERE tenant_id = ?"
        + " AND invitation_id = ? AND accepted_at IS NULL AND revoked_at IS NULL", now, tenant,
        invitationId) == 1;
  }

  public static List<Invitation> invitations(Connection c, long tenant) {
    return Jdbc.list(c, "SELECT " + INVITE_COLUMNS + " FROM invitation WHERE tenant_id = ?"
        + " ORDER BY created_at DESC", AccountSql::invitation, tenant);
  }

  // sign-in attempts

  public static void recordAttempt(Connection c, String email, @Nullable String ip,
      boolean succeeded, Instant now) {
    Jdbc.update(c, "INSERT INTO login_attempt (attempted_email, client_ip, succeeded, attempted_at)"
        + " VALUES (?,?,?,?)", normaliseEmail(email), ip, succeeded, now);
  }

  public static long failedAttemptsFromIp(Connection c, String ip, Instant since) {
    return Jdbc.scalar(c, "SELECT count(*) FROM login_attempt WHERE client_ip = ?"
        + " AND NOT succeeded AND attempted_at > ?", ip, since);
  }
}
