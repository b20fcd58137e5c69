package dev.vigie.ingest.imap;

/**
 * Totals since the source was created.
 *
 * @param archived messages stored and moved to the archive folder
 * @param invalid messages moved to the invalid folder
 * @param kept times a message was left in place for a later round
 * @param connections successful logins (1 + reconnections)
 * @param idling whether the source is waiting in IDLE right now
 */
public record ImapStats(long archived, long invalid, long kept, long connections,
    boolean idling) {}
