package dev.vigie.ingest.smtp;

import dev.vigie.ingest.IngestResult;
import dev.vigie.ingest.RawSink;
import dev.vigie.ingest.Source;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** A {@link RawSink} that keeps what it is given, and can be told to fail or to hold. */
final class RecordingSink implements RawSink {
  record Delivered(byte[] raw, Source source) {
    String text() {
      return new String(raw, StandardCharsets.ISO_8859_1);
    }

    /** The message as the client sent it: everything after the Received header we prepend. */
    byte[] afterReceivedHeader() {
      String t = text();
      int end = t.indexOf("\r\n", t.indexOf("; ")) + 2; // the header ends with its date
      return java.util.Arrays.copyOfRange(raw, end, raw.length);
    }
  }

  final List<Delivered> delivered = new CopyOnWriteArrayList<>();
  volatile @Nullable RuntimeException failWith;
  volatile @Nullable CountDownLatch hold;
  final CountDownLatch entered = new CountDownLatch(1);

  @Override
  public IngestResult ingest(byte[] raw, Source source) {
    entered.countDown();
    CountDownLatch h = hold;
    if (h != null) {
      try {
        h.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    RuntimeException failure = failWith;
    if (failure != null) {
      throw failure;
    }
    delivered.add(new Delivered(raw.clone(), source));
    return new IngestResult(sha256(raw), false, 1, 0, 0);
  }

  Delivered only() {
    if (delivered.size() != 1) {
      throw new AssertionError("expected one delivery, got " + delivered.size());
    }
    return delivered.get(0);
  }

  private static String sha256(byte[] raw) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
