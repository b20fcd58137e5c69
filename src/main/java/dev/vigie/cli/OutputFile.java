package dev.vigie.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code --out} file, emptied on a thread of its own: truncating the 100 MB left by a previous
 * run takes the file system ~50 ms, which reading the first reports can hide. Nothing is written
 * before the old content is gone, so an interrupted run leaves a clean prefix, as with a plain
 * truncating open.
 */
final class OutputFile extends OutputStream {
  private final FileChannel channel;
  private final CountDownLatch emptied = new CountDownLatch(1);
  private volatile IOException failure;

  private OutputFile(FileChannel channel) {
    this.channel = channel;
  }

  static OutputStream open(Path file) throws IOException {
    OutputFile out = new OutputFile(
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE));
    if (out.channel.size() == 0) { // new, empty, or not a regular file (/dev/null, a pipe)
      out.emptied.countDown();
    } else {
      Thread.ofPlatform().daemon().name("vigie-truncate-out").start(out::empty);
    }
    return out;
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
    if (failure != null) {
      throw failure;
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
