package dev.vigie.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {
  /** RFC 6238 Appendix B, SHA-1 key "12345678901234567890", last 6 of the 8 digits. */
  @Test
  void code_rfc6238Vectors() {
    String secret = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
    assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
    assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(1111111109))))
        .isEqualTo("081804");
    assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(2000000000))))
        .isEqualTo("279037");
  }

  @Test
  void match_oneStepEitherSide() {
    String s = Totp.newSecret();
    Instant now = Instant.ofEpochSecond(1_700_000_000);
    long step = Totp.step(now);
    assertThat(Totp.match(s, Totp.code(s, step - 1), now)).hasValue(step - 1);
    assertThat(Totp.match(s, Totp.code(s, step + 1), now)).hasValue(step + 1);
    assertThat(Totp.match(s, Totp.code(s, step + 2), now)).isEmpty();
    assertThat(Totp.match(s, "12a456", now)).isEmpty();
  }

  @Test
  void uri_forAuthenticatorApps() {
    assertThat(Totp.uri("Vigie", "a b@x.example", "ABC")).isEqualTo(
        "otpauth://totp/Vigie:a%20b%40x.example?secret=ABC&issuer=Vigie&algorithm=SHA1&digits=6&period=30");
  }

  @Test
  void passwords_argon2idRoundTrip() {
    String h = Passwords.hash("correct horse battery staple");
    assertThat(h).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(Passwords.verify("correct horse battery staple", h)).isTrue();
    assertThat(Passwords.verify("correct horse battery stapler", h)).isFalse();
  }
}
