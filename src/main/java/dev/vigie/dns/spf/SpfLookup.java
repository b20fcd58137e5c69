package dev.vigie.dns.spf;

import dev.vigie.dns.DnsAnswer;
import dev.vigie.dns.DnsClient;
import dev.vigie.dns.DnsStatus;
import dev.vigie.dns.RecordType;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a domain's SPF record: TXT only, never type 99 (RFC 7208 §3.1, §4.4), keeping the records
 * that start with "v=spf1" (§4.5).
 */
final class SpfLookup {
  sealed interface Outcome permits Found, NotFound, Temporary, Multiple {}

  /**
   * Exactly one SPF record.
   *
   * @param strings its character-strings as published; empty when the client does not report them
   */
  record Found(String text, List<String> strings) implements Outcome {}

  /** No SPF record (NXDOMAIN when {@code nxdomain}): check_host() returns "none". */
  record NotFound(boolean nxdomain, int otherTxtRecords) implements Outcome {}

  /** The TXT lookup failed: check_host() returns "temperror". */
  record Temporary(DnsStatus status) implements Outcome {}

  /** More than one SPF record: check_host() returns "permerror" (§4.5). */
  record Multiple(List<String> records) implements Outcome {}

  private SpfLookup() {}

  static Outcome fetch(DnsClient dns, String domain) {
    DnsAnswer answer = dns.lookup(domain, RecordType.TXT);
    if (answer.status().isTemporary()) {
      return new Temporary(answer.status());
    }
    if (answer.status() != DnsStatus.NOERROR) {
      return new NotFound(true, 0);
    }
    List<String> spf = new ArrayList<>();
    int index = -1;
    for (int i = 0; i < answer.records().size(); i++) {
      if (SpfParser.isSpfRecord(answer.records().get(i))) {
        spf.add(answer.records().get(i));
        index = i;
      }
    }
    if (spf.isEmpty()) {
      return new NotFound(false, answer.records().size());
    }
    if (spf.size() > 1) {
      return new Multiple(spf);
    }
    List<String> strings = index < answer.txtStrings().size() ? answer.txtStrings().get(index)
        : List.of();
    return new Found(spf.getFirst(), List.copyOf(strings));
  }
}
