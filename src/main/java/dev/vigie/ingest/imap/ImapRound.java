package dev.vigie.ingest.imap;

/**
 * What one pass over the report folder did.
 *
 * @param archived messages stored and moved to the archive folder
 * @param invalid messages that held no report, moved to the invalid folder
 * @param kept messages left in place for the next round (the sink failed, or the server refused
 *     to move them)
 */
public record ImapRound(int archived, int invalid, int kept) {
  public boolean isEmpty() {
    return archived == 0 && invalid == 0 && kept == 0;
  }

  @Override
  public String toString() {
    return archived + " archived, " + invalid + " invalid, " + kept + " left for the next round";
  }
}
