package dev.vigie.ingest.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsContextsTest {
  @TempDir Path dir;

  @Test
  void serverContext_fromKeytoolPkcs12() throws Exception {
    assertThat(TlsContexts.serverContext(TestCertificates.pkcs12()).getProtocol())
        .isEqualTo("TLS");
  }

  @Test
  void serverContext_fromPemWithPkcs8OrPkcs1Key() throws Exception {
    assertThat(TlsContexts.serverContext(TestCertificates.pem(dir, false))).isNotNull();
    assertThat(TlsContexts.serverContext(TestCertificates.pem(dir, true))).isNotNull();
  }

  @Test
  void rsaPkcs1ToPkcs8_rebuildsTheJdkEncoding() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    byte[] pkcs8 = rsa.generateKeyPair().getPrivate().getEncoded();
    assertThat(TlsContexts.rsaPkcs1ToPkcs8(TestCertificates.pkcs1Of(pkcs8))).isEqualTo(pkcs8);
  }

  @Test
  void serverContext_wrongPasswordNamesTheFile() throws Exception {
    Path file = TestCertificates.pkcs12().file();
    assertThatThrownBy(() -> TlsContexts.serverContext(new TlsIdentity.Pkcs12(file, "wrong")))
        .hasMessageStartingWith(file.toString());
  }

  @Test
  void serverContext_ecSec1KeyExplainsTheConversion() throws Exception {
    TlsIdentity.Pem pem = TestCertificates.pem(dir, false);
    Path key = dir.resolve("ec.pem");
    Files.writeString(key, "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----\n");
    assertThatThrownBy(() -> TlsContexts.serverContext(new TlsIdentity.Pem(pem.certificateChain(),
        key))).hasMessageContaining("openssl pkcs8 -topk8");
  }
}
