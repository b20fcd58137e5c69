package dev.vigie.dns.dkim;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A parsed DKIM key record (RFC 6376 §3.6.1).
 *
 * @param text the record as published
 * @param version v=, null when absent (it is optional)
 * @param hashAlgorithms h=, lower-case; empty when absent, meaning any
 * @param keyTypeTag k= as written (lower-case), "rsa" when absent
 * @param keyType the key type when known; null for an unknown k=
 * @param notes n=, empty when absent
 * @param publicKey p= without whitespace; empty for a revoked key
 * @param serviceTypes s=, lower-case; ["*"] when absent
 * @param flags t=, lower-case, unknown flags included
 * @param keyBits the RSA modulus size or 256 for Ed25519; 0 when revoked or unreadable
 */
public record DkimKeyRecord(
    String text,
    @Nullable String version,
    List<String> hashAlgorithms,
    String keyTypeTag,
    @Nullable DkimKeyType keyType,
    String notes,
    String publicKey,
    List<String> serviceTypes,
    List<String> flags,
    int keyBits) {

  public DkimKeyRecord {
    hashAlgorithms = List.copyOf(hashAlgorithms);
    serviceTypes = List.copyOf(serviceTypes);
    flags = List.copyOf(flags);
  }

  /** An empty p= revokes the key (RFC 6376 §3.6.1 p=). */
  public boolean revoked() {
    return publicKey.isEmpty();
  }

  /** t=y: the domain is testing DKIM (RFC 6376 §3.6.1 t=). */
  public boolean testing() {
    return flags.contains("y");
  }

  /** t=s: the i= domain must equal d=, not be a subdomain (RFC 6376 §3.6.1 t=). */
  public boolean strictSubdomains() {
    return flags.contains("s");
  }

  /** s= is "*" or includes "email" (RFC 6376 §3.6.1 s=). */
  public boolean usableForEmail() {
    return serviceTypes.contains("*") || serviceTypes.contains("email");
  }
}
