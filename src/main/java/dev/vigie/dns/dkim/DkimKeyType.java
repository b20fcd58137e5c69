package dev.vigie.dns.dkim;

/** The key algorithms a verifier knows (k= tag; RFC 6376 §3.6.1, RFC 8463 §4.2). */
public enum DkimKeyType {
  /** k=rsa, the default: p= is a DER SubjectPublicKeyInfo (RFC 6376 §3.6.1). */
  RSA,
  /** k=ed25519: p= is the raw 32-byte public key (RFC 8463 §4.2). */
  ED25519
}
