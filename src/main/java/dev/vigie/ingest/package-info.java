/** Receiving reports: the raw-byte entrance every source (files, IMAP, SMTP, upload) feeds. */
@NullMarked
package dev.vigie.ingest;

import org.jspecify.annotations.NullMarked;
