/**
 * The built-in SMTP receiver (RFC 5321): lets an MSP point {@code rua=mailto:} straight at Vigie.
 * It accepts mail only for the configured report addresses and answers "250" only once {@link
 * dev.vigie.ingest.RawSink#ingest} has made the message durable.
 */
@NullMarked
package dev.vigie.ingest.smtp;

import org.jspecify.annotations.NullMarked;
