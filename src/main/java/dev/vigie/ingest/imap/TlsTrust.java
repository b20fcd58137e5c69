package dev.vigie.ingest.imap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;

/** Socket factories for a private trust store, or for trusting anything (tests). */
final class TlsTrust {
  private TlsTrust() {}

  /**
   * @param file a PKCS#12 or JKS key store, or PEM certificates ({@code -----BEGIN CERTIFICATE})
   * @throws IOException naming the file and what is wrong with it
   */
  static SSLSocketFactory trusting(Path file, @Nullable String password) throws IOException {
    try {
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(load(file, password));
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IOException("trust store " + file + ": " + e.getMessage(), e);
    }
  }

  /** Accepts every certificate: only for {@link ImapSettings#insecureTrustAll()}. */
  static SSLSocketFactory trustingAnything() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new TrustAll()}, null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no TLS", e);
    }
  }

  private static KeyStore load(Path file, @Nullable String password)
      throws IOException, GeneralSecurityException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(11);
    }
    if (new String(head, StandardCharsets.US_ASCII).equals("-----BEGIN ")) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      try (InputStream in = Files.newInputStream(file)) {
        for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
          store.setCertificateEntry("pem-" + i++, c);
        }
      }
      if (i == 0) {
        throw new IOException("trust store " + file + " holds no PEM certificate");
      }
      return store;
    }
    return KeyStore.getInstance(file.toFile(), password == null ? null : password.toCharArray());
  }

  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
