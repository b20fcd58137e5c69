package dev.vigie.web;

import dev.vigie.store.AccountSql;
import dev.vigie.store.AuditSql;
import dev.vigie.store.Store;
import dev.vigie.web.auth.SecretBox;
import dev.vigie.web.auth.ServerKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * TOTP secrets sealed at rest (ADR 6): {@link #seal} before storing, {@link #open} to check a
 * code. Loaded when the server starts: the server key is resolved ({@link ServerKey}), every
 * stored secret is tried with it, and a key that opens none of them stops the start with a message
 * naming the key's source — a wrong key is never a silent sign-in bypass. Secrets that one key
 * cannot open are either reported (those users cannot finish signing in and are told to contact
 * their admin) or, when the operator asks, forgotten so that those users enrol again.
 */
public final class TotpSecrets {
  private static final Logger LOG = Logger.getLogger(TotpSecrets.class.getName());

  private final SecretBox box;
  private final String source;

  TotpSecrets(SecretBox box, String source) {
    this.box = box;
    this.source = source;
  }

  /**
   * Resolves the key and checks the stored secrets with it.
   *
   * @param envKey {@code VIGIE_SECRET_KEY}, or null
   * @param forgetUnreadable clear the secrets the key cannot open (a lost key): their users enrol
   *     TOTP again; recorded in the audit log
   * @throws ServerKey.KeyException when no key can be had, or the key opens none of the secrets
   */
  static TotpSecrets load(Db db, Store store, @Nullable String envKey, boolean forgetUnreadable,
      Instant now) {
    List<AccountSql.StoredTotp> rows = db.with(AccountSql::storedTotpSecrets);
    long sealed = rows.stream().filter(r -> SecretBox.isSealed(r.totpSecret())).count();
    ServerKey key = ServerKey.resolve(envKey, store.location().dataDir(), sealed, forgetUnreadable);
    if (key.created()) {
      LOG.warning("created the server key " + key.source() + " that seals TOTP secrets: back it"
          + " up apart from the store (without it, users must enrol TOTP again)");
    }
    TotpSecrets t = new TotpSecrets(new SecretBox(key.key()), key.source());
    List<AccountSql.StoredTotp> unreadable = new ArrayList<>();
    int resealed = 0;
    for (AccountSql.StoredTotp r : rows) {
      if (!SecretBox.isSealed(r.totpSecret())) {
        // left in clear by a build before secrets were sealed: seal it now
        String s = t.seal(r.tenantId(), r.userId(), r.totpSecret());
        db.with(c -> {
          AccountSql.resealTotp(c, r.tenantId(), r.userId(), s);
          return null;
        });
        resealed++;
        continue;
      }
      try {
        t.box.open(r.totpSecret(), SecretBox.totpContext(r.tenantId(), r.userId()));
      } catch (SecretBox.UnreadableException e) {
        unreadable.add(r);
      }
    }
    if (resealed > 0) {
      LOG.info("sealed " + resealed + " TOTP secret(s) stored in clear with the server key");
    }
    if (unreadable.isEmpty()) {
      return t;
    }
    String who = unreadable.stream().limit(10).map(AccountSql.StoredTotp::email)
        .collect(Collectors.joining(", ")) + (unreadable.size() > 10 ? ", …" : "");
    if (forgetUnreadable) {
      db.with(c -> {
        for (AccountSql.StoredTotp r : unreadable) {
          AccountSql.setTotp(c, r.tenantId(), r.userId(), null, null);
          AuditSql.record(c, r.tenantId(), "vigie serve", "user.totp-forgotten", r.email(),
              "the server key does not open the TOTP secret (--forget-unreadable-totp)", null, now);
        }
        return null;
      });
      LOG.warning("forgot " + unreadable.size() + " TOTP secret(s) that the server key from "
          + key.source() + " does not open (" + who + "): they enrol TOTP again at next sign-in");
      return t;
    }
    if (unreadable.size() == sealed) {
      throw new ServerKey.KeyException("the server key from " + key.source() + " opens none of the "
          + sealed + " TOTP secret(s) in the store: it is not the key they were sealed with. Set"
          + " the right key (" + ServerKey.ENV + ", or the key file " + ServerKey.FILE + " in the"
          + " data folder). If it is lost, start once with --forget-unreadable-totp: those users"
          + " then enrol TOTP again.");
    }
    LOG.warning(unreadable.size() + " of " + sealed + " TOTP secret(s) cannot be opened with the"
        + " server key from " + key.source() + " (altered, or copied from another row): " + who
        + " cannot finish signing in until the admin restarts with --forget-unreadable-totp and"
        + " they enrol again");
    return t;
  }

  /** Where the key came from: {@code VIGIE_SECRET_KEY} or the key file. */
  public String source() {
    return source;
  }

  /** The stored form of a user's TOTP secret. */
  public String seal(long tenant, long userId, String secret) {
    return box.seal(secret, SecretBox.totpContext(tenant, userId));
  }

  /** A user's TOTP secret in clear; the user must have one. */
  public String open(AccountSql.User u) throws SecretBox.UnreadableException {
    String stored = u.totpSecret();
    if (stored == null) {
      throw new SecretBox.UnreadableException("no TOTP secret");
    }
    return box.open(stored, SecretBox.totpContext(u.tenantId(), u.userId()));
  }
}
