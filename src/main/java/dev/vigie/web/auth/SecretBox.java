package dev.vigie.web.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets the server must read back (TOTP seeds), sealed at rest with AES-256-GCM under the
 * server key ({@link ServerKey}). Each value gets a fresh random 96-bit nonce, and is bound to
 * its place by associated data (for a TOTP secret: the column, tenant id and user id), so a value
 * copied to another row does not open. The stored form is text:
 * {@code v1:<base64 nonce>:<base64 ciphertext and 128-bit tag>}; the version leaves room for
 * another algorithm or key later.
 */
public final class SecretBox {
  /** The prefix of every value this class seals. */
  public static final String VERSION = "v1:";
  public static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;

  /** A value that could not be opened; {@link #getMessage()} says why, never the value. */
  public static final class UnreadableException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnreadableException(String message) {
      super(message);
    }
  }

  public SecretBox(byte[] key) {
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("the secret key must be " + KEY_BYTES + " bytes, not "
          + key.length);
    }
    this.key = new SecretKeySpec(key.clone(), "AES");
  }

  /** A new random key. */
  public static byte[] newKey() {
    return Secrets.randomBytes(KEY_BYTES);
  }

  /** The associated data binding a TOTP secret to its row. */
  public static String totpContext(long tenant, long userId) {
    return "app_user.totp_secret:" + tenant + ":" + userId;
  }

  /** Whether a stored value has the sealed form (rather than an old clear value). */
  public static boolean isSealed(String stored) {
    return stored.startsWith(VERSION);
  }

  public String seal(String plain, String context) {
    byte[] nonce = Secrets.randomBytes(NONCE_BYTES);
    try {
      Cipher c = cipher(Cipher.ENCRYPT_MODE, nonce);
      c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      Base64.Encoder b64 = Base64.getEncoder();
      return VERSION + b64.encodeToString(nonce) + ":" + b64.encodeToString(sealed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  /**
   * The clear value, when this key sealed {@code stored} for the same {@code context} and it was
   * not altered since.
   */
  public String open(String stored, String context) throws UnreadableException {
    if (!isSealed(stored)) {
      throw new UnreadableException("not a sealed value (no " + VERSION + " prefix)");
    }
    String[] parts = stored.substring(VERSION.length()).split(":", -1);
    byte[] nonce;
    byte[] sealed;
    try {
      if (parts.length != 2) {
        throw new IllegalArgumentException("parts");
      }
      nonce = Base64.getDecoder().decode(parts[0]);
      sealed = Base64.getDecoder().decode(parts[1]);
    } catch (IllegalArgumentException e) {
      throw new UnreadableException("malformed sealed value");
    }
    if (nonce.length != NONCE_BYTES || sealed.length < TAG_BITS / 8) {
      throw new UnreadableException("malformed sealed value");
    }
    try {
      Cipher c = cipher(Cipher.DECRYPT_MODE, nonce);
      c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] plain = c.doFinal(sealed);
      try {
        return new String(plain, StandardCharsets.UTF_8);
      } finally {
        Arrays.fill(plain, (byte) 0);
      }
    } catch (AEADBadTagException e) {
      throw new UnreadableException("the server key does not open it (a different key, or a value"
          + " altered or moved from another row)");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    return c;
  }
}
