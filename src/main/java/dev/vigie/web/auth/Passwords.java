package dev.vigie.web.auth;

import java.security.MessageDigest;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), with OWASP's recommended minimum
 * parameters: 19 MiB of memory, 2 iterations, 1 lane. Verification reads the parameters from the
 * stored string, so they can be raised later without invalidating existing hashes.
 */
public final class Passwords {
  static final int MEMORY_KIB = 19 * 1024;
  static final int ITERATIONS = 2;
  static final int LANES = 1;
  private static final int SALT = 16;
  private static final int HASH = 32;
  /** A hash computed at start so that unknown emails take as long as wrong passwords. */
  private static final String DUMMY = hash("vigie-dummy-password");

  private Passwords() {}

  /** Passwords of 12 to 256 characters; length is what matters (NIST SP 800-63B). */
  public static boolean acceptable(String password) {
    return password.length() >= 12 && password.length() <= 256;
  }

  public static String hash(String password) {
    byte[] salt = Secrets.randomBytes(SALT);
    byte[] out = derive(password, salt, MEMORY_KIB, ITERATIONS, LANES, HASH);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + LANES + "$"
        + b64.encodeToString(salt) + "$" + b64.encodeToString(out);
  }

  public static boolean verify(String password, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
      return false;
    }
    int m = 0;
    int t = 0;
    int p = 0;
    for (String kv : parts[3].split(",")) {
      String[] x = kv.split("=", 2);
      int v = Integer.parseInt(x[1]);
      switch (x[0]) {
        case "m" -> m = v;
        case "t" -> t = v;
        case "p" -> p = v;
        default -> {
          return false;
        }
      }
    }
    Base64.Decoder d = Base64.getDecoder();
    byte[] salt = d.decode(parts[4]);
    byte[] expected = d.decode(parts[5]);
    return MessageDigest.isEqual(expected, derive(password, salt, m, t, p, expected.length));
  }

  /** Spends the time of one verification, for sign-ins with an unknown email. */
  public static void verifyDummy(String password) {
    verify(password, DUMMY);
  }

  private static byte[] derive(String password, byte[] salt, int m, int t, int p, int len) {
    Argon2BytesGenerator g = new Argon2BytesGenerator();
    g.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(m).withIterations(t).withParallelism(p).withSalt(salt).build());
    byte[] out = new byte[len];
    g.generateBytes(password.toCharArray(), out);
    return out;
  }
}
