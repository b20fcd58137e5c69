package dev.vigie.ingest;

/**
 * The one entrance for received bytes, whatever brought them (files, IMAP, SMTP, upload).
 *
 * <p>{@link #ingest} returns only once the raw bytes are durably archived (fsynced,
 * content-addressed) <em>and</em> what they hold is committed to the store. A source may therefore
 * acknowledge (SMTP "250", IMAP move to Archive) as soon as it returns; if it throws, nothing was
 * acknowledged and the source must keep the message to try again. Ingesting the same bytes again
 * is harmless: it is recognised and counted once.
 */
public interface RawSink {
  IngestResult ingest(byte[] raw, Source source);
}
