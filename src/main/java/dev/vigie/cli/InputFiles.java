package dev.vigie.cli;

import java.nio.file.attribute.BasicFileAttributes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands command-line paths into the files to read, in a stable order. Folders are walked; in a
 * Maildir, {@code tmp/} (mail still being delivered) and the mail server's own index files are
 * left out.
 */
final class InputFiles {
  private InputFiles() {}

  static List<Path> expand(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new IllegalArgumentException(p + ": no such file or folder");
      }
      if (!Files.isDirectory(p)) {
        files.add(p);
        continue;
      }
      try (Stream<Path> walk = Files.walk(p)) {
        walk.filter(Files::isRegularFile).filter(InputFiles::isMailOrReport).sorted()
            .forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException(p + ": cannot list the folder", e);
      }
    }
    return files;
  }

  /**
   * The same files as {@link #expand}, handed over one by one while the folders are still being
   * read (each folder's entries in name order, depth first), so work can start at once.
   */
  static void forEach(List<Path> paths, Action action) {
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new IllegalArgumentException(p + ": no such file or folder");
      }
    }
    for (Path p : paths) {
      BasicFileAttributes a = attributes(p);
      if (a != null && a.isDirectory()) {
        walk(p, action);
      } else {
        action.accept(p, a == null ? -1 : a.size());
      }
    }
  }

  /** A file to read, with its size as listed (-1 when it could not be read). */
  @FunctionalInterface
  interface Action {
    void accept(Path file, long size);
  }

  private static void walk(Path dir, Action action) {
    List<Path> entries;
    try (Stream<Path> list = Files.list(dir)) {
      entries = list.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": cannot list the folder", e);
    }
    for (Path e : entries) {
      BasicFileAttributes a = attributes(e); // one stat per entry: type and size together
      if (a == null) {
        continue;
      }
      if (a.isDirectory()) {
        walk(e, action);
      } else if (a.isRegularFile() && isMailOrReport(e)) {
        action.accept(e, a.size());
      }
    }
  }

  private static java.nio.file.attribute.@org.jspecify.annotations.Nullable BasicFileAttributes
      attributes(Path p) {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class);
    } catch (IOException e) {
      return null; // vanished or unreadable: reading it will say which
    }
  }

  /**
   * The whole of a small file whose size the listing gave: open, one read, close. A regular file
   * reads short only at its end (read(2)), so a buffer one byte longer than the listed size shows
   * the end without a second read, and no fstat is needed: 3 system calls instead of
   * {@code Files.readAllBytes}'s 5, for each of the thousands of report files in a folder. Larger
   * or unsized files go through {@code Files.readAllBytes}.
   */
  static byte[] read(Path f, long listedSize) throws IOException {
    if (listedSize < 0 || listedSize > SMALL_FILE) {
      return Files.readAllBytes(f);
    }
    byte[] buf = new byte[(int) listedSize + 1];
    int n = 0;
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
      ByteBuffer b = ByteBuffer.wrap(buf);
      int r = ch.read(b);
      if (r == buf.length) { // grown since it was listed: read it all
        return Files.readAllBytes(f);
      }
      n = Math.max(0, r);
    }
    return Arrays.copyOf(buf, n);
  }

  private static final long SMALL_FILE = 1 << 20;

  private static boolean isMailOrReport(Path f) {
    Path parent = f.getParent();
    if (parent != null && parent.getFileName() != null
        && parent.getFileName().toString().equals("tmp") && isMaildir(parent.getParent())) {
      return false;
    }
    String name = f.getFileName().toString();
    return !(name.startsWith("dovecot") || name.startsWith("courier")
        || name.equals("maildirfolder") || name.equals("subscriptions"));
  }

  private static boolean isMaildir(Path dir) {
    return dir != null && Files.isDirectory(dir.resolve("cur")) && Files.isDirectory(dir.resolve("new"));
  }
}
