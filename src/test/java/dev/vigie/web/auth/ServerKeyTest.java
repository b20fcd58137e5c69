package dev.vigie.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerKeyTest {
  @TempDir Path dir;

  @Test
  void envKey_wins_andIsChecked() {
    byte[] k = SecretBox.newKey();
    ServerKey key = ServerKey.resolve(Base64.getEncoder().encodeToString(k), dir, 3, false);
    assertThat(key.key()).isEqualTo(k);
    assertThat(key.source()).isEqualTo("VIGIE_SECRET_KEY");
    assertThat(Files.exists(dir.resolve("secret.key"))).isFalse();
    assertThatThrownBy(() -> ServerKey.resolve("not base64!", dir, 0, false))
        .isInstanceOf(ServerKey.KeyException.class).hasMessageContaining("VIGIE_SECRET_KEY")
        .hasMessageContaining("base64");
    assertThatThrownBy(() -> ServerKey.resolve(Base64.getEncoder().encodeToString(new byte[16]),
        dir, 0, false)).hasMessageContaining("holds 16 bytes");
  }

  @Test
  void keyFile_createdOwnerOnly_onFirstRun_thenReused() throws Exception {
    ServerKey first = ServerKey.resolve(null, dir, 0, false);
    Path file = dir.resolve("secret.key");
    assertThat(first.created()).isTrue();
    assertThat(first.source()).isEqualTo(file.toString());
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
    assertThat(Base64.getDecoder().decode(Files.readString(file).strip()))
        .isEqualTo(first.key());
    ServerKey again = ServerKey.resolve("", dir, 5, false);
    assertThat(again.created()).isFalse();
    assertThat(again.key()).isEqualTo(first.key());
  }

  @Test
  void missingKeyFile_withSealedSecrets_isAnError_unlessForgetting() {
    assertThatThrownBy(() -> ServerKey.resolve(null, dir, 2, false))
        .isInstanceOf(ServerKey.KeyException.class).hasMessageContaining("secret.key is missing")
        .hasMessageContaining("2 TOTP secret(s)").hasMessageContaining("--forget-unreadable-totp");
    assertThat(Files.exists(dir.resolve("secret.key"))).isFalse();
    assertThat(ServerKey.resolve(null, dir, 2, true).created()).isTrue();
  }

  @Test
  void damagedKeyFile_isNamed() throws Exception {
    Files.writeString(dir.resolve("secret.key"), "c2hvcnQ=\n");
    assertThatThrownBy(() -> ServerKey.resolve(null, dir, 0, false))
        .isInstanceOf(ServerKey.KeyException.class)
        .hasMessageContaining(dir.resolve("secret.key").toString())
        .hasMessageContaining("holds 5 bytes");
  }

  @Test
  void postgres_withoutEnvKey_asksForIt() {
    assertThatThrownBy(() -> ServerKey.resolve(null, null, 0, false))
        .isInstanceOf(ServerKey.KeyException.class)
        .hasMessageContaining("VIGIE_SECRET_KEY is not set")
        .hasMessageContaining("PostgreSQL").hasMessageContaining("openssl rand -base64 32");
  }
}
