package dev.vigie.web.auth;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * TOTP (RFC 6238 over RFC 4226 HOTP): HMAC-SHA1, 30-second steps, 6 digits, one step of clock
 * drift either way. {@link #match} returns the step that matched so the caller can refuse a second
 * use of the same step (a replayed code).
 */
public final class Totp {
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  public static final int STEP_SECONDS = 30;

  private Totp() {}

  /** A new secret: 160 random bits, base32 (what authenticator apps expect). */
  public static String newSecret() {
    return base32(Secrets.randomBytes(20));
  }

  public static String uri(String issuer, String account, String secret) {
    String label = enc(issuer) + ":" + enc(account);
    return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + enc(issuer)
        + "&algorithm=SHA1&digits=6&period=" + STEP_SECONDS;
  }

  public static long step(Instant t) {
    return Math.floorDiv(t.getEpochSecond(), STEP_SECONDS);
  }

  public static String code(String secret, long step) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(unbase32(secret), "HmacSHA1"));
      byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int o = h[h.length - 1] & 0x0F;
      int bin = ((h[o] & 0x7F) << 24) | ((h[o + 1] & 0xFF) << 16) | ((h[o + 2] & 0xFF) << 8)
          | (h[o + 3] & 0xFF);
      return String.format(Locale.ROOT, "%06d", bin % 1_000_000);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The step (now, or one either side) whose code equals {@code code}, if any. */
  public static OptionalLong match(String secret, String code, Instant now) {
    String c = code.replace(" ", "").strip();
    if (!c.matches("[0-9]{6}")) {
      return OptionalLong.empty();
    }
    long s = step(now);
    for (long k = s - 1; k <= s + 1; k++) {
      if (Secrets.same(code(secret, k), c)) {
        return OptionalLong.of(k);
      }
    }
    return OptionalLong.empty();
  }

  static String base32(byte[] data) {
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xFF);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }

  static byte[] unbase32(String s) {
    String in = s.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
    ByteBuffer out = ByteBuffer.allocate(in.length() * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (char ch : in.toCharArray()) {
      int v = BASE32.indexOf(ch);
      if (v < 0) {
        throw new IllegalArgumentException("not base32");
      }
      buffer = (buffer << 5) | v;
      bits += 5;
      if (bits >= 8) {
        out.put((byte) (buffer >> (bits - 8)));
        bits -= 8;
      }
    }
    return out.array();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
