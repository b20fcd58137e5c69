package dev.vigie.ingest.smtp;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;

/**
 * The byte side of one session: reads bounded by an idle timeout and a session deadline, replies
 * flushed only before the next blocking read (so pipelined commands get their replies in one
 * write, RFC 2920 §3.2), and the switch to TLS.
 */
final class SmtpConnection {
  private final InetAddress peer;
  private final long idleNanos;
  private final long deadline;
  private volatile Socket socket;
  private SmtpInput input;
  private OutputStream out;
  private boolean tls;

  SmtpConnection(Socket socket, Duration idleTimeout, Duration sessionTimeout) throws IOException {
    this.socket = socket;
    this.peer = socket.getInetAddress();
    this.idleNanos = idleTimeout.toNanos();
    this.deadline = System.nanoTime() + sessionTimeout.toNanos();
    this.input = new SmtpInput(socket.getInputStream(), this::beforeRead);
    this.out = new BufferedOutputStream(socket.getOutputStream());
  }

  InetAddress peer() {
    return peer;
  }

  boolean isTls() {
    return tls;
  }

  @Nullable String readLine(int maxLength) throws IOException {
    return input.readLine(maxLength);
  }

  byte @Nullable [] readData(int maxBytes) throws IOException {
    return input.readData(maxBytes);
  }

  /** Queues a reply; {@code text} may hold several CRLF-separated lines. */
  void reply(String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
  }

  /** A last reply before closing; the client may already be gone. */
  void tryReply(String text) {
    try {
      reply(text);
      out.flush();
    } catch (IOException ignored) {
      // nobody left to tell
    }
  }

  /**
   * Sends the queued replies, then runs the TLS handshake as server (RFC 3207 §4).
   *
   * @return false when the client had already pipelined more plaintext: it must not be read as if
   *     it came over TLS (CVE-2011-0411), so the caller closes the connection
   */
  boolean startTls(SSLContext context) throws IOException {
    out.flush();
    if (input.hasBuffered()) {
      return false;
    }
    SSLSocket ssl = (SSLSocket) context.getSocketFactory()
        .createSocket(socket, peer.getHostAddress(), socket.getPort(), true);
    ssl.setUseClientMode(false);
    socket = ssl;
    beforeRead();
    ssl.startHandshake();
    input = new SmtpInput(ssl.getInputStream(), this::beforeRead);
    out = new BufferedOutputStream(ssl.getOutputStream());
    tls = true;
    return true;
  }

  /** The session's own end: sends what is queued, then closes. */
  void finish() {
    try {
      out.flush();
    } catch (IOException ignored) {
      // the client is gone
    }
    close();
  }

  /** Why a read timed out: the session deadline or the idle timeout. */
  String timeoutReason() {
    return System.nanoTime() - deadline >= 0 ? "session time limit reached" : "idle timeout";
  }

  /** Safe from any thread: a blocked read or write fails at once. Queued replies are dropped. */
  void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  /** Flushes replies, then bounds the coming read by the idle and the session time limits. */
  private void beforeRead() throws IOException {
    out.flush();
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new SocketTimeoutException("session time limit reached");
    }
    long wait = (Math.min(idleNanos, left) + 999_999) / 1_000_000; // not a moment early
    socket.setSoTimeout((int) Math.max(1, Math.min(wait, Integer.MAX_VALUE)));
  }
}
