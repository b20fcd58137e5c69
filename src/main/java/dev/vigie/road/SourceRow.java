package dev.vigie.road;

import org.jspecify.annotations.Nullable;

/**
 * Messages from one source IP over a period, as the rollups know it.
 *
 * @param senderId the catalogue id of the sending service; null when not identified
 * @param sourceClass a {@link dev.vigie.enrich.SourceClass} name; null when not classified
 * @param disposition what receivers did: none, quarantine or reject
 * @param pass messages that passed DMARC
 */
public record SourceRow(
    @Nullable String senderId,
    @Nullable String sourceClass,
    String ip,
    String disposition,
    long messages,
    long pass) {

  public long fail() {
    return messages - pass;
  }
}
