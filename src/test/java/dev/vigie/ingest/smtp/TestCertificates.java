package dev.vigie.ingest.smtp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;

/** A self-signed certificate made by the JDK's own keytool, as an operator would. */
final class TestCertificates {
  static final String PASSWORD = "changeit";

  private TestCertificates() {}

  private static TlsIdentity.@Nullable Pkcs12 made;

  /**
   * keytool -genkeypair: RSA 2048, CN=localhost, 2 days, in a PKCS#12 store. Made once per test
   * JVM (each keytool run is a JVM start and an RSA key generation, about 2 s).
   */
  static synchronized TlsIdentity.Pkcs12 pkcs12() throws IOException, InterruptedException {
    if (made != null) {
      return made;
    }
    Path dir = Files.createTempDirectory("vigie-smtp-tls");
    Path store = dir.resolve("server.p12");
    dir.toFile().deleteOnExit();
    store.toFile().deleteOnExit();
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "vigie",
        "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost", "-validity", "2",
        "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
        "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("keytool failed: " + output);
    }
    made = new TlsIdentity.Pkcs12(store, PASSWORD);
    return made;
  }

  /** The same key and certificate as PEM files: PKCS#8 key, or PKCS#1 when {@code rsaPkcs1}. */
  static TlsIdentity.Pem pem(Path dir, boolean rsaPkcs1) throws Exception {
    TlsIdentity.Pkcs12 p12 = pkcs12();
    KeyStore store = KeyStore.getInstance(p12.file().toFile(), PASSWORD.toCharArray());
    byte[] pkcs8 = store.getKey("vigie", PASSWORD.toCharArray()).getEncoded();
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve(rsaPkcs1 ? "key-pkcs1.pem" : "key.pem");
    Files.writeString(cert, pem("CERTIFICATE", store.getCertificate("vigie").getEncoded()));
    Files.writeString(key, rsaPkcs1 ? pem("RSA PRIVATE KEY", pkcs1Of(pkcs8))
        : pem("PRIVATE KEY", pkcs8));
    return new TlsIdentity.Pem(cert, key);
  }

  /** The RSAPrivateKey inside a PKCS#8 PrivateKeyInfo: the final OCTET STRING. */
  static byte[] pkcs1Of(byte[] pkcs8) {
    int i = 2 + (pkcs8[1] & 0x80) / 0x80 * (pkcs8[1] & 0x7f); // outer SEQUENCE header
    i += 3 + 15; // version INTEGER 0, AlgorithmIdentifier
    int lengthBytes = (pkcs8[i + 1] & 0x80) != 0 ? pkcs8[i + 1] & 0x7f : 0;
    int start = i + 2 + lengthBytes;
    return java.util.Arrays.copyOfRange(pkcs8, start, pkcs8.length);
  }

  /** A client context that trusts anything: the tests check the server, not the PKI. */
  static SSLContext trustAll() throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    }}, null);
    return context;
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
