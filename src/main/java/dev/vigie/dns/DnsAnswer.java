package dev.vigie.dns;

import java.util.List;

/**
 * The answer to one question, in presentation form, with names lower-cased and without the
 * trailing dot.
 *
 * @param records A: "192.0.2.1"; AAAA: "2001:db8::1"; MX: "10 mx.example.com"; PTR/CNAME/NS: the
 *     target name; TXT: the record's character-strings concatenated (RFC 7208 §3.3)
 * @param txtStrings for TXT only: each record's character-strings as sent (for the 255-byte
 *     string checks); empty for other types
 * @param authenticated the answer was DNSSEC-validated (AD)
 */
public record DnsAnswer(
    String name,
    RecordType type,
    DnsStatus status,
    List<String> records,
    List<List<String>> txtStrings,
    boolean authenticated) {

  public static DnsAnswer of(String name, RecordType type, DnsStatus status, List<String> records) {
    return new DnsAnswer(name, type, status, List.copyOf(records), List.of(), false);
  }

  public boolean isNxdomain() {
    return status == DnsStatus.NXDOMAIN;
  }

  /** NOERROR with no record of the type asked (or NXDOMAIN): a "void lookup" in RFC 7208 §4.6.4. */
  public boolean isEmpty() {
    return !status.isTemporary() && records.isEmpty();
  }
}
