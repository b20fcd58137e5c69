package dev.vigie.web;

import dev.vigie.store.AccountSql;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling, resolved once per request by {@link Guard} from the session cookie or the
 * bearer token.
 *
 * @param clientId set when the caller is restricted to one client (a viewer, a client token)
 * @param canWrite false for viewers and read-only tokens
 * @param session the session, for browser callers (CSRF token, stage)
 */
public record Caller(long tenantId, @Nullable Long userId, @Nullable Long tokenId, String actor,
    Role role, @Nullable Long clientId, boolean canWrite,
    AccountSql.@Nullable Session session, @Nullable String email) {

  public boolean staff() {
    return (role == Role.MSP_ADMIN || role == Role.MSP_TECHNICIAN)
        || (role == Role.API_TOKEN && clientId == null);
  }

  public boolean admin() {
    return role == Role.MSP_ADMIN;
  }

  /** Whether personal data in failure reports (addresses, subjects) may be shown. */
  public boolean seesPersonalData() {
    return staff();
  }

  public boolean fullySignedIn() {
    return session == null || "full".equals(session.stage());
  }
}
