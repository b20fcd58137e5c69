package dev.vigie.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
  static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  final SecretBox box = new SecretBox(SecretBox.newKey());
  final String here = SecretBox.totpContext(1, 42);

  @Test
  void roundTrip_versionedText_freshNonceEachTime() throws Exception {
    String a = box.seal(SECRET, here);
    String b = box.seal(SECRET, here);
    assertThat(a).startsWith("v1:").doesNotContain(SECRET).isNotEqualTo(b);
    String[] parts = a.split(":");
    assertThat(parts).hasSize(3);
    assertThat(Base64.getDecoder().decode(parts[1])).hasSize(12);
    assertThat(Base64.getDecoder().decode(parts[2])).hasSize(SECRET.length() + 16);
    assertThat(box.open(a, here)).isEqualTo(SECRET);
    assertThat(box.open(b, here)).isEqualTo(SECRET);
    assertThat(SecretBox.isSealed(a)).isTrue();
    assertThat(SecretBox.isSealed(SECRET)).isFalse();
  }

  @Test
  void tamperedValue_doesNotOpen() {
    String sealed = box.seal(SECRET, here);
    String[] parts = sealed.split(":");
    byte[] ct = Base64.getDecoder().decode(parts[2]);
    for (int i : new int[] {0, ct.length / 2, ct.length - 1}) {
      byte[] t = ct.clone();
      t[i] ^= 1;
      String tampered = parts[0] + ":" + parts[1] + ":" + Base64.getEncoder().encodeToString(t);
      assertThatThrownBy(() -> box.open(tampered, here))
          .isInstanceOf(SecretBox.UnreadableException.class).hasMessageNotContaining(SECRET);
    }
    byte[] nonce = Base64.getDecoder().decode(parts[1]);
    nonce[0] ^= 1;
    String otherNonce = "v1:" + Base64.getEncoder().encodeToString(nonce) + ":" + parts[2];
    assertThatThrownBy(() -> box.open(otherNonce, here))
        .isInstanceOf(SecretBox.UnreadableException.class);
  }

  @Test
  void valueMovedToAnotherRow_doesNotOpen() {
    String sealed = box.seal(SECRET, here);
    assertThatThrownBy(() -> box.open(sealed, SecretBox.totpContext(1, 43)))
        .isInstanceOf(SecretBox.UnreadableException.class);
    assertThatThrownBy(() -> box.open(sealed, SecretBox.totpContext(2, 42)))
        .isInstanceOf(SecretBox.UnreadableException.class);
  }

  @Test
  void otherKey_doesNotOpen() {
    String sealed = box.seal(SECRET, here);
    SecretBox other = new SecretBox(SecretBox.newKey());
    assertThatThrownBy(() -> other.open(sealed, here))
        .isInstanceOf(SecretBox.UnreadableException.class)
        .hasMessageContaining("server key does not open it");
  }

  @Test
  void malformedValues_areUnreadable_notCrashes() {
    for (String bad : new String[] {SECRET, "v1:", "v1:abc", "v1:!!!:???", "v1:AAAA:AAAA",
        "v1:AAAAAAAAAAAAAAAA:AAAA:AAAA", "v2:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA=="}) {
      assertThatThrownBy(() -> box.open(bad, here)).as(bad)
          .isInstanceOf(SecretBox.UnreadableException.class);
    }
  }

  @Test
  void keyMustBe256Bits() {
    assertThatThrownBy(() -> new SecretBox(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
  }
}
