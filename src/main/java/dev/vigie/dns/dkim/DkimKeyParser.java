package dev.vigie.dns.dkim;

import dev.vigie.check.Finding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Parses and judges one DKIM key record (RFC 6376 §3.6.1), its key type (RFC 8463) and strength
 * (RFC 8301 §3.2). Pure.
 */
public final class DkimKeyParser {

  /** A TXT RR's RDATA cannot exceed 65535 octets. */
  static final int MAX_RECORD_LENGTH = 65_535;

  private static final List<String> KNOWN_TAGS = List.of("v", "h", "k", "n", "p", "s", "t", "g");

  private DkimKeyParser() {}

  /** Parses {@code text}; {@code name} (e.g. google._domainkey.example.com) is used in findings. */
  public static DkimParseResult parse(String text, String name) {
    List<Finding> findings = new ArrayList<>();
    if (text.length() > MAX_RECORD_LENGTH) {
      findings.add(DkimFindings.invalid(name, "the record is " + text.length()
          + " characters long, more than a TXT record can hold"));
      return new DkimParseResult(null, findings);
    }
    TagList.Result list = TagList.parse(text);
    Map<String, String> tags = list.tags();
    if (tags == null) {
      findings.add(DkimFindings.invalid(name, "syntax error at position " + list.position() + ": "
          + list.error() + " (RFC 6376 §3.2: the whole tag-list is then invalid)"));
      return new DkimParseResult(null, findings);
    }
    String version = tags.get("v");
    if (version != null && (!version.equals("DKIM1") || !tags.keySet().iterator().next()
        .equals("v"))) {
      findings.add(DkimFindings.invalid(name, version.equals("DKIM1")
          ? "v= must be the first tag (RFC 6376 §3.6.1 v=)"
          : "v=" + version + ": only \"DKIM1\" is valid; verifiers discard the record "
              + "(RFC 6376 §3.6.1 v=)"));
      return new DkimParseResult(null, findings);
    }
    String p = tags.get("p");
    if (p == null) {
      findings.add(DkimFindings.invalid(name, "there is no p= tag, which is required "
          + "(RFC 6376 §3.6.1 p=)"));
      return new DkimParseResult(null, findings);
    }
    String publicKey = p.replaceAll("[ \t\r\n]", "");
    String k = tags.getOrDefault("k", "rsa").toLowerCase(Locale.ROOT);
    DkimKeyType type = switch (k) {
      case "rsa" -> DkimKeyType.RSA;
      case "ed25519" -> DkimKeyType.ED25519;
      default -> null;
    };
    List<String> hashes = list(tags.get("h"), List.of());
    List<String> services = list(tags.get("s"), List.of("*"));
    List<String> flags = list(tags.get("t"), List.of());
    int bits = 0;
    if (type == null) {
      findings.add(DkimFindings.unknownKeyType(name, k));
    } else if (!publicKey.isEmpty()) {
      PublicKeys.Outcome key = PublicKeys.read(type, publicKey);
      if (key instanceof PublicKeys.Key(int b)) {
        bits = b;
        DkimFindings.strength(name, type, bits).ifPresent(findings::add);
      } else if (key instanceof PublicKeys.Unreadable(String why)) {
        findings.add(DkimFindings.malformedKey(name, why));
      }
    }
    DkimKeyRecord record = new DkimKeyRecord(text, version, hashes, k, type,
        tags.getOrDefault("n", ""), publicKey, services, flags, bits);
    review(record, name, tags, findings);
    return new DkimParseResult(record, findings);
  }

  private static void review(
      DkimKeyRecord record, String name, Map<String, String> tags, List<Finding> findings) {
    if (record.revoked()) {
      findings.add(DkimFindings.revoked(name));
    }
    if (!record.hashAlgorithms().isEmpty() && !record.hashAlgorithms().contains("sha256")) {
      findings.add(DkimFindings.noUsableHash(name, String.join(":", record.hashAlgorithms())));
    }
    if (!record.usableForEmail()) {
      findings.add(DkimFindings.notForEmail(name, String.join(":", record.serviceTypes())));
    }
    if (record.testing()) {
      findings.add(DkimFindings.testing(name));
    }
    if (tags.containsKey("g")) {
      findings.add(DkimFindings.obsoleteGranularity(name, tags.get("g")));
    }
    // Unknown tags are ignored by verifiers (RFC 6376 §3.2); name a few, never thousands.
    tags.keySet().stream().filter(t -> !KNOWN_TAGS.contains(t)).limit(5)
        .forEach(t -> findings.add(DkimFindings.unknownTag(name, t)));
  }

  /** A colon-separated list (RFC 6376 §3.6.1), lower-cased, whitespace dropped. */
  private static List<String> list(@Nullable String value, List<String> absent) {
    if (value == null) {
      return absent;
    }
    return Arrays.stream(value.split(":", -1))
        .map(s -> s.replaceAll("[ \t\r\n]", "").toLowerCase(Locale.ROOT))
        .filter(s -> !s.isEmpty())
        .limit(32)
        .toList();
  }
}
