/**
 * Reading a report mailbox over IMAP (RFC 9051 / RFC 3501): every message is handed to {@link
 * dev.vigie.ingest.RawSink} and only then moved to an archive folder, with IDLE (RFC 2177) to hear
 * about new mail and reconnection when the server goes away.
 */
@NullMarked
package dev.vigie.ingest.imap;

import org.jspecify.annotations.NullMarked;
