package dev.vigie.ingest.smtp;

import java.nio.file.Path;

/**
 * The certificate and private key the receiver presents after STARTTLS (RFC 3207).
 *
 * <p>Both forms are read once, when the receiver starts, so a wrong path or password fails the
 * start rather than the first TLS handshake.
 */
public sealed interface TlsIdentity {

  /**
   * A PKCS#12 key store (as written by {@code keytool} or {@code openssl pkcs12 -export}) holding
   * one private key entry with its certificate chain.
   *
   * @param password the store password, also used for the key entry
   */
  record Pkcs12(Path file, String password) implements TlsIdentity {}

  /**
   * PEM files as issued by ACME clients (certbot, lego): the certificate chain, leaf first, and an
   * unencrypted private key, either PKCS#8 ({@code BEGIN PRIVATE KEY}) or PKCS#1 RSA ({@code BEGIN
   * RSA PRIVATE KEY}).
   */
  record Pem(Path certificateChain, Path privateKey) implements TlsIdentity {}
}
