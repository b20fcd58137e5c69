package dev.vigie.web;

import dev.vigie.store.AccountSql;
import dev.vigie.web.auth.Secrets;
import io.javalin.http.Context;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Browser sessions. The cookie holds {@code <tenant>.<secret>}; the store keeps only the secret's
 * SHA-256. Cookies are HttpOnly and SameSite=Lax, Secure with the {@code __Host-} prefix behind TLS.
 * A new id is issued at every step of signing in (password, then second factor), so an id planted
 * before sign-in (fixation) never becomes a signed-in session.
 */
public final class Sessions {
  static final Duration IDLE = Duration.ofHours(2);
  static final Duration ABSOLUTE = Duration.ofHours(12);
  /** The double-submit cookie protecting forms shown before sign-in (login, setup, invitations). */
  static final String PRE_CSRF = "vigie_csrf";

  private final boolean secure;

  /** Sessions and their users, remembered 5 s: each request asked the store twice. */
  private final ShortCache<String, Live> recent =
      new ShortCache<>(Duration.ofSeconds(5), 100_000);
  /** When this process last marked each session seen (the cached row keeps its old mark). */
  private final java.util.concurrent.ConcurrentHashMap<String, Instant> touched =
      new java.util.concurrent.ConcurrentHashMap<>();

  public Sessions(boolean secure) {
    this.secure = secure;
  }

  public String cookieName() {
    return secure ? "__Host-vigie_session" : "vigie_session";
  }

  String preCsrfName() {
    return secure ? "__Host-" + PRE_CSRF : PRE_CSRF;
  }

  /** Ends any session the request carries, starts a new one at {@code stage}, sets the cookie. */
  public void start(Context ctx, Connection c, AccountSql.User u, String stage, Instant now) {
    end(ctx, c);
    String secret = Secrets.random();
    Instant expires = expiry(now, now);
    AccountSql.createSession(c, u.tenantId(), Secrets.sha256(secret), u.userId(), stage,
        Secrets.random(), now, expires, ctx.ip(), ctx.userAgent());
    setCookie(ctx, cookieName(), u.tenantId() + "." + secret, "Lax", -1);
  }

  public void end(Context ctx, Connection c) {
    Parsed p = parse(ctx.cookie(cookieName()));
    if (p != null) {
      AccountSql.deleteSession(c, p.tenant, Secrets.sha256(p.secret));
      recent.remove(p.tenant + " " + Secrets.sha256(p.secret));
    }
    setCookie(ctx, cookieName(), "", "Lax", 0);
  }

  /** The live session and its user, or empty (no cookie, unknown, expired, user disabled). */
  Optional<Live> resolve(Context ctx, Connection c, Instant now) {
    Parsed p = parse(ctx.cookie(cookieName()));
    if (p == null) {
      return Optional.empty();
    }
    String hash = Secrets.sha256(p.secret);
    String key = p.tenant + " " + hash;
    Optional<Live> live = recent.get(key, () -> load(c, p.tenant, hash));
    if (live.isEmpty() || !live.get().session().expiresAt().isAfter(now)) {
      recent.remove(key);
      return Optional.empty();
    }
    AccountSql.Session s = live.get().session();
    Instant seen = touched.getOrDefault(key, s.lastSeenAt());
    if (Duration.between(seen, now).compareTo(Duration.ofMinutes(1)) > 0) {
      if (touched.size() > 100_000) {
        touched.clear();
      }
      touched.put(key, now);
      AccountSql.touchSession(c, p.tenant, hash, now, expiry(s.createdAt(), now));
    }
    return live;
  }

  private static Optional<Live> load(Connection c, long tenant, String hash) {
    Optional<AccountSql.Session> s = AccountSql.session(c, tenant, hash);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Optional<AccountSql.User> u = AccountSql.user(c, tenant, s.get().userId());
    if (u.isEmpty() || u.get().disabledAt() != null) {
      return Optional.empty();
    }
    return Optional.of(new Live(s.get(), u.get()));
  }

  /** After any write: a user may have changed (role, language, TOTP, disabled, signed out). */
  void forgetAll() {
    recent.clear();
  }

  record Live(AccountSql.Session session, AccountSql.User user) {}

  /** The pre-sign-in CSRF token, set as a cookie if the browser has none yet. */
  public String preCsrf(Context ctx) {
    String v = ctx.cookie(preCsrfName());
    if (v == null || v.length() < 20) {
      v = Secrets.random();
      setCookie(ctx, preCsrfName(), v, "Strict", -1);
    }
    return v;
  }

  @Nullable String preCsrfCookie(Context ctx) {
    return ctx.cookie(preCsrfName());
  }

  private static Instant expiry(Instant created, Instant now) {
    Instant idle = now.plus(IDLE);
    Instant absolute = created.plus(ABSOLUTE);
    return idle.isBefore(absolute) ? idle : absolute;
  }

  void setCookie(Context ctx, String name, String value, String sameSite, int maxAge) {
    StringBuilder b = new StringBuilder(name).append('=').append(value).append("; Path=/; HttpOnly; SameSite=")
        .append(sameSite);
    if (secure) {
      b.append("; Secure");
    }
    if (maxAge >= 0) {
      b.append("; Max-Age=").append(maxAge);
    }
    ctx.res().addHeader("Set-Cookie", b.toString());
  }

  private record Parsed(long tenant, String secret) {}

  private static @Nullable Parsed parse(@Nullable String v) {
    if (v == null) {
      return null;
    }
    int dot = v.indexOf('.');
    if (dot < 1 || dot == v.length() - 1) {
      return null;
    }
    try {
      return new Parsed(Long.parseLong(v.substring(0, dot)), v.substring(dot + 1));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
