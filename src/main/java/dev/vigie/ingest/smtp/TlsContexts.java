package dev.vigie.ingest.smtp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Turns a {@link TlsIdentity} into a server {@link SSLContext}, with the JDK alone. */
final class TlsContexts {
  private static final Pattern PEM_BLOCK = Pattern.compile(
      "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
  /** DER of AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL } (RFC 8017 A.1). */
  private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48,
      (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

  private TlsContexts() {}

  /** @throws IOException naming the file and what is wrong with it */
  static SSLContext serverContext(TlsIdentity identity) throws IOException {
    char[] password = identity instanceof TlsIdentity.Pkcs12 p
        ? p.password().toCharArray() : new char[0];
    KeyStore store = switch (identity) {
      case TlsIdentity.Pkcs12 p -> pkcs12(p);
      case TlsIdentity.Pem p -> pem(p);
    };
    try {
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(store, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("TLS identity " + identity + ": " + e.getMessage(), e);
    }
  }

  private static KeyStore pkcs12(TlsIdentity.Pkcs12 p) throws IOException {
    KeyStore store;
    try {
      store = KeyStore.getInstance(p.file().toFile(), p.password().toCharArray());
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          return store;
        }
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new IOException(p.file() + ": cannot read the key store: " + e.getMessage(), e);
    }
    throw new IOException(p.file() + ": no private key entry in the key store");
  }

  private static KeyStore pem(TlsIdentity.Pem p) throws IOException {
    try {
      Certificate[] chain = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(p.certificateChain())))
          .toArray(Certificate[]::new);
      if (chain.length == 0) {
        throw new IOException(p.certificateChain() + ": no certificate found");
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("vigie", privateKey(p.privateKey()), new char[0], chain);
      return store;
    } catch (GeneralSecurityException e) {
      throw new IOException(p.certificateChain() + ", " + p.privateKey() + ": " + e.getMessage(),
          e);
    }
  }

  private static PrivateKey privateKey(Path file) throws IOException {
    Matcher m = PEM_BLOCK.matcher(Files.readString(file, StandardCharsets.US_ASCII));
    while (m.find()) {
      byte[] der = Base64.getMimeDecoder().decode(m.group(2));
      switch (m.group(1)) {
        case "PRIVATE KEY" -> { return pkcs8(file, der); }
        case "RSA PRIVATE KEY" -> { return pkcs8(file, rsaPkcs1ToPkcs8(der)); }
        case "ENCRYPTED PRIVATE KEY", "EC PRIVATE KEY" -> throw new IOException(file + ": "
            + m.group(1) + " is not supported; convert it with"
            + " `openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem`");
        default -> { } // parameters or certificates next to the key
      }
    }
    throw new IOException(file + ": no PEM private key found");
  }

  private static PrivateKey pkcs8(Path file, byte[] der) throws IOException {
    for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException wrongAlgorithm) {
        // try the next one; PKCS#8 names its algorithm, but the JDK wants it up front
      }
    }
    throw new IOException(file + ": not an RSA, EC or EdDSA private key");
  }

  /** PrivateKeyInfo ::= SEQUENCE { version 0, algorithm, privateKey OCTET STRING } (RFC 5208). */
  static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {0x02, 0x01, 0x00});
    body.writeBytes(RSA_ALGORITHM);
    body.write(0x04);
    body.writeBytes(derLength(pkcs1.length));
    body.writeBytes(pkcs1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x30);
    out.writeBytes(derLength(body.size()));
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  private static byte[] derLength(int length) {
    if (length < 0x80) {
      return new byte[] {(byte) length};
    }
    int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
    byte[] out = new byte[bytes + 1];
    out[0] = (byte) (0x80 | bytes);
    for (int i = 0; i < bytes; i++) {
      out[bytes - i] = (byte) (length >>> (8 * i));
    }
    return out;
  }
}
