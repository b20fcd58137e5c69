package dev.vigie.dns.dkim;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/** Reads the key in p= with the JDK's KeyFactory; no key material leaves this class. */
final class PublicKeys {

  /** Base64 characters accepted in p=; 8192 covers a 16384-bit RSA key with room to spare. */
  static final int MAX_KEY_CHARS = 8192;

  /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410 §4) before the 32 key bytes. */
  private static final byte[] ED25519_SPKI_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  /** The key's size in bits, or why it cannot be read. */
  sealed interface Outcome permits Key, Unreadable {}

  record Key(int bits) implements Outcome {}

  record Unreadable(String why) implements Outcome {}

  private PublicKeys() {}

  static Outcome read(DkimKeyType type, String base64) {
    if (base64.length() > MAX_KEY_CHARS) {
      return new Unreadable("p= is " + base64.length() + " characters long, more than any real "
          + "key (" + MAX_KEY_CHARS + ")");
    }
    byte[] der;
    try {
      der = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      return new Unreadable("p= is not valid base64 (" + e.getMessage() + ")");
    }
    return type == DkimKeyType.RSA ? rsa(der) : ed25519(der);
  }

  private static Outcome rsa(byte[] der) {
    try {
      PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
      return new Key(((RSAPublicKey) key).getModulus().bitLength());
    } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
      return new Unreadable("p= is not a DER SubjectPublicKeyInfo holding an RSA key "
          + "(RFC 6376 §3.6.1): " + e.getClass().getSimpleName());
    }
  }

  /** RFC 8463 §4.2: p= is the bare 32-byte key, not a SubjectPublicKeyInfo. */
  private static Outcome ed25519(byte[] raw) {
    if (raw.length == ED25519_SPKI_PREFIX.length + 32
        && Arrays.equals(raw, 0, ED25519_SPKI_PREFIX.length, ED25519_SPKI_PREFIX, 0,
            ED25519_SPKI_PREFIX.length)) {
      return new Unreadable("p= holds an Ed25519 SubjectPublicKeyInfo; RFC 8463 §4.2 requires "
          + "the raw 32-byte key (the last 32 bytes of it)");
    }
    if (raw.length != 32) {
      return new Unreadable("an Ed25519 p= must decode to 32 bytes (RFC 8463 §4.2), not "
          + raw.length);
    }
    byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + 32);
    System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, 32);
    try {
      KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
      return new Key(256);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return new Unreadable("p= is not a valid Ed25519 public key: "
          + e.getClass().getSimpleName());
    }
  }
}
