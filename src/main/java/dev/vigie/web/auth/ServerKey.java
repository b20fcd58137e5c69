package dev.vigie.web.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The server key that seals secrets at rest ({@link SecretBox}), and where it came from:
 * {@code VIGIE_SECRET_KEY} (base64 of 32 bytes) when set — the way for servers and required with
 * PostgreSQL, so that the key stays on the application host and out of the database — else the
 * file {@code secret.key} in the embedded store's data folder, created on first run readable by
 * its owner only. A missing key is never replaced by a new one while sealed secrets exist: they
 * would all become unreadable.
 *
 * @param source what to name in messages: {@code VIGIE_SECRET_KEY} or the key file's path
 * @param created whether this run created the key file
 */
public record ServerKey(byte[] key, String source, boolean created) {
  private static final Logger LOG = Logger.getLogger(ServerKey.class.getName());
  public static final String ENV = "VIGIE_SECRET_KEY";
  public static final String FILE = "secret.key";
  private static final String GENERATE = "generate one with `openssl rand -base64 32`";

  /** A key that cannot be had; the message tells the operator what to do. */
  public static final class KeyException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public KeyException(String message) {
      super(message);
    }
  }

  /**
   * The key to use.
   *
   * @param env the value of {@code VIGIE_SECRET_KEY}, or null when unset
   * @param dataDir the embedded store's folder; null with PostgreSQL
   * @param sealedSecrets how many sealed secrets the store holds (a missing key file is then an
   *     error, not a first run)
   * @param forgetSealed when the key file is missing: create a new one anyway (the operator asked
   *     to forget the secrets sealed with the lost key)
   */
  public static ServerKey resolve(@Nullable String env, @Nullable Path dataDir, long sealedSecrets,
      boolean forgetSealed) {
    if (env != null && !env.isBlank()) {
      return new ServerKey(decode(env.strip(), ENV), ENV, false);
    }
    if (dataDir == null) {
      throw new KeyException(ENV + " is not set: with a PostgreSQL store (--db) Vigie needs the"
          + " server key that seals TOTP secrets in " + ENV + " (base64 of 32 bytes; " + GENERATE
          + "). Keep it on the application host, not in the database, and back it up apart from"
          + " the database.");
    }
    Path file = dataDir.resolve(FILE);
    if (Files.exists(file)) {
      return new ServerKey(read(file), file.toString(), false);
    }
    if (sealedSecrets > 0 && !forgetSealed) {
      throw new KeyException("the server key " + file + " is missing, and the store holds "
          + sealedSecrets + " TOTP secret(s) sealed with it. Put the key file back from its"
          + " backup (or set " + ENV + " to it). If it is lost, start once with"
          + " --forget-unreadable-totp: those users then enrol TOTP again.");
    }
    return new ServerKey(create(file), file.toString(), true);
  }

  static byte[] decode(String base64, String source) {
    byte[] k;
    try {
      k = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new KeyException(source + " is not valid base64: it must hold 32 random bytes in"
          + " base64 (" + GENERATE + ")");
    }
    if (k.length != SecretBox.KEY_BYTES) {
      throw new KeyException(source + " holds " + k.length + " bytes: it must hold 32 random bytes"
          + " in base64 (" + GENERATE + ")");
    }
    return k;
  }

  private static byte[] read(Path file) {
    try {
      if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
        p.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE));
        if (!p.isEmpty()) {
          LOG.warning(file + " can be read by other users than its owner: chmod 600 " + file);
        }
      }
      return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
    } catch (IOException e) {
      throw new KeyException("cannot read the server key " + file + ": " + e.getMessage());
    }
  }

  /** A new key in {@code file}, owner read/write only, written whole or not at all. */
  private static byte[] create(Path file) {
    byte[] key = SecretBox.newKey();
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = dir.resolve(FILE + ".new");
    try {
      Files.createDirectories(dir);
      Files.deleteIfExists(tmp);
      boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
      if (posix) {
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
      } else {
        Files.createFile(tmp);
        java.io.File f = tmp.toFile();
        f.setReadable(false, false);
        f.setWritable(false, false);
        f.setReadable(true, true);
        f.setWritable(true, true);
      }
      Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n",
          StandardCharsets.US_ASCII);
      if (Files.exists(file)) {
        throw new FileAlreadyExistsException(file.toString());
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      return key;
    } catch (IOException e) {
      throw new KeyException("cannot create the server key " + file + ": " + e.getMessage()
          + " (or set " + ENV + ")");
    }
  }
}
