package dev.vigie.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * The {@code --out} file. A previous run's output (100 MB for the benchmark corpus) is let go off
 * the writing thread. A plain file (regular, one link, the user's own) loses its name while an
 * open descriptor keeps its data, a new file takes the name with the same permissions, and the
 * descriptor is closed on a thread of its own, where the file system frees the blocks: truncating
 * in place held up the first writes (~40 ms of a 1.2 s parse). Anything else (a symbolic or hard
 * link, /dev/null, a pipe) is truncated in place, on a thread of its own, and nothing is written
 * before that is done. Either way an interrupted run leaves only what it wrote.
 */
final class OutputFile extends OutputStream {
  private final FileChannel channel;
  private final CountDownLatch emptied = new CountDownLatch(1);
  private volatile @Nullable IOException failure;

  private OutputFile(FileChannel channel) {
    this.channel = channel;
  }

  static OutputStream open(Path file) throws IOException {
    FileChannel fresh = replaced(file);
    if (fresh != null) {
      OutputFile out = new OutputFile(fresh);
      out.emptied.countDown();
      return out;
    }
    OutputFile out = new OutputFile(
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE));
    if (out.channel.size() == 0) { // new, empty, or not a regular file (/dev/null, a pipe)
      out.emptied.countDown();
    } else {
      background("vigie-truncate-out", out::empty);
    }
    return out;
  }

  /** A new file in place of a plain old one, or null when the old one is to be truncated. */
  private static @Nullable FileChannel replaced(Path file) throws IOException {
    PosixFileAttributes a;
    Object links;
    try {
      a = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      links = Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return null; // no such file yet, or a file system without POSIX attributes
    }
    if (!a.isRegularFile() || a.size() == 0 || !(links instanceof Integer n && n == 1)
        || !a.owner().getName().equals(System.getProperty("user.name"))) {
      return null;
    }
    FileChannel old = FileChannel.open(file, StandardOpenOption.READ); // holds the old data
    FileChannel fresh;
    try {
      Files.delete(file);
      fresh = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) { // another process made one meanwhile: truncate it
      old.close();
      return null;
    } catch (IOException e) {
      old.close();
      if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        return null; // could not remove the name (a read-only folder): truncate instead
      }
      throw e;
    }
    try {
      Files.setPosixFilePermissions(file, a.permissions());
    } catch (IOException e) {
      fresh.close();
      old.close();
      throw e;
    }
    background("vigie-free-old-out", () -> {
      try {
        old.close();
      } catch (IOException ignored) {
        // the blocks are freed when the process ends at the latest
      }
    });
    return fresh;
  }

  private static void background(String name, Runnable task) {
    Thread t = new Thread(task, name);
    t.setDaemon(true);
    t.start();
  }

  private void empty() {
    try {
      channel.truncate(0);
    } catch (IOException e) {
      failure = e;
    } finally {
      emptied.countDown();
    }
  }

  private void awaitEmptied() throws IOException {
    try {
      emptied.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while emptying the output file");
    }
    IOException f = failure;
    if (f != null) {
      throw f;
    }
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    awaitEmptied();
    ByteBuffer buf = ByteBuffer.wrap(b, off, len);
    while (buf.hasRemaining()) {
      channel.write(buf);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      awaitEmptied();
    } finally {
      channel.close();
    }
  }
}
