package dev.vigie.dns.mtasts;

import java.util.List;

/**
 * A valid MTA-STS TXT record (RFC 8461 §3.1).
 *
 * @param text the record as published (character-strings concatenated)
 * @param id the policy id; senders refetch the policy when it changes
 * @param extensions the names of extension fields, which senders ignore
 */
public record MtaStsRecord(String text, String id, List<String> extensions) {

  public MtaStsRecord {
    extensions = List.copyOf(extensions);
  }
}
