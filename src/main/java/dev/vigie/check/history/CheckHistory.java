package dev.vigie.check.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Keeps every check of a domain as one JSON line in {@code DATA/checks/<domain>.jsonl}, with the
 * change events found against the previous check in {@code DATA/checks/<domain>.events.jsonl}.
 * Append-only and fsynced, so a crash loses at most the check being written. Interim, plain-file
 * history until the store (issue 3) exists; its import reads these files as they are.
 */
public final class CheckHistory {
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final Path dir;

  public CheckHistory(Path dataDir) {
    this.dir = dataDir.resolve("checks");
  }

  /** Records a check and returns what changed since the previous one (nothing the first time). */
  public synchronized List<ChangeEvent> record(CheckSnapshot now) {
    try {
      Files.createDirectories(dir);
      Path checks = dir.resolve(now.domain() + ".jsonl");
      CheckSnapshot previous = last(checks);
      append(checks, JSON.writeValueAsString(now));
      if (previous == null) {
        return List.of();
      }
      List<ChangeEvent> events = CheckChanges.between(previous, now);
      for (ChangeEvent e : events) {
        append(dir.resolve(now.domain() + ".events.jsonl"), JSON.writeValueAsString(e));
      }
      return events;
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": cannot keep the check history: " + e.getMessage(), e);
    }
  }

  private static @Nullable CheckSnapshot last(Path file) throws IOException {
    if (!Files.exists(file) || Files.size(file) == 0) {
      return null;
    }
    // Read backwards from the end for the last complete line: files grow with every check.
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long end = f.length();
      long pos = end - 1;
      while (pos > 0) {
        f.seek(pos - 1);
        if (f.read() == '\n') {
          break;
        }
        pos--;
      }
      byte[] line = new byte[(int) (end - Math.max(pos, 0))];
      f.seek(Math.max(pos, 0));
      f.readFully(line);
      String text = new String(line, StandardCharsets.UTF_8).strip();
      try {
        return JSON.readValue(text, CheckSnapshot.class);
      } catch (IOException torn) {
        return null; // a line torn by a crash: compare against nothing rather than fail
      }
    }
  }

  private static void append(Path file, String json) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ch.write(java.nio.ByteBuffer.wrap((json + "\n").getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
    }
  }
}
