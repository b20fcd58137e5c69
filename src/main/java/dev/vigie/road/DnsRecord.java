package dev.vigie.road;

import java.util.ArrayList;
import java.util.List;

/**
 * A DNS record to publish.
 *
 * @param name the owner name, fully qualified, without the trailing dot
 * @param type always {@code TXT} here
 * @param value the TXT content, unquoted
 * @param zoneLine the same as one zone-file line, value split in 255-byte strings (RFC 1035
 *     character-strings; receivers concatenate them, RFC 7208 §3.3 / RFC 9989 record format)
 */
public record DnsRecord(String name, String type, String value, String zoneLine) {

  public static DnsRecord txt(String name, String value) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < value.length(); i += 255) {
      parts.add("\"" + value.substring(i, Math.min(value.length(), i + 255)).replace("\"", "\\\"")
          + "\"");
    }
    return new DnsRecord(name, "TXT", value, name + ". IN TXT " + String.join(" ", parts));
  }
}
