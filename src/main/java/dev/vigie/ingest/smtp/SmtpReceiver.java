package dev.vigie.ingest.smtp;

import dev.vigie.ingest.RawSink;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * A receive-only SMTP server (RFC 5321) for report addresses, so that {@code rua=mailto:} can
 * point straight at Vigie. Each accepted message goes to {@link RawSink#ingest} and is
 * acknowledged with 250 only after that returns; if it throws, the reply is 451 and the sender
 * keeps the message. No AUTH, no relaying, no queue: nothing is ever accepted that is not stored.
 *
 * <p>Why not a library: SubEthaSMTP ({@code com.github.davidmoten:subethasmtp} 7.2.0) was the
 * candidate. Read against this brief it leaves the rest of a refused DATA block unread (the client
 * then speaks through the message as commands) unless the handler drains it, turns a handler
 * exception into "421" after logging its stack trace and rethrowing it, throws on a SIZE= above
 * 2^31, has no per-connection command or time budget, writes no "ESMTPS" in its Received header
 * and brings slf4j, jakarta.mail and guava-mini. The part of RFC 5321 a report address needs is
 * small, and written here on virtual threads each limit is explicit and tested.
 */
public final class SmtpReceiver implements AutoCloseable {
  /** How long stop() waits for sessions that are storing a message. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final SmtpSettings settings;
  private final RawSink sink;
  private final Clock clock;
  private final RecipientPolicy policy;
  private final Map<SmtpSession, Thread> sessions = new ConcurrentHashMap<>();
  private final Map<InetAddress, Integer> perPeer = new ConcurrentHashMap<>();
  private final Semaphore connections;
  private @Nullable ServerSocket listener;
  private @Nullable Thread acceptor;
  private @Nullable SSLContext tls;
  /** Closes sessions past their deadline even when blocked writing to a client that never reads. */
  private @Nullable ScheduledExecutorService watchdog;

  public SmtpReceiver(SmtpSettings settings, RawSink sink) {
    this(settings, sink, Clock.systemUTC());
  }

  public SmtpReceiver(SmtpSettings settings, RawSink sink, Clock clock) {
    this.settings = Objects.requireNonNull(settings);
    this.sink = Objects.requireNonNull(sink);
    this.clock = Objects.requireNonNull(clock);
    this.policy = new RecipientPolicy(settings.acceptedRecipients());
    this.connections = new Semaphore(settings.maxConnections());
  }

  /**
   * Reads the TLS identity, binds the port and starts accepting connections.
   *
   * @throws IOException when the port cannot be bound or the certificate cannot be read
   * @throws IllegalStateException when already started
   */
  public synchronized void start() throws IOException {
    if (listener != null) {
      throw new IllegalStateException("already started");
    }
    TlsIdentity identity = settings.tls();
    tls = identity == null ? null : TlsContexts.serverContext(identity);
    ServerSocket socket = new ServerSocket();
    try {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(settings.bindAddress(), settings.port()), 100);
    } catch (IOException e) {
      socket.close();
      throw new IOException("cannot listen on " + settings.bindAddress().getHostAddress() + ":"
          + settings.port() + ": " + e.getMessage(), e);
    }
    listener = socket;
    watchdog = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().daemon().name("smtp-watchdog").factory());
    acceptor = Thread.ofVirtual().name("smtp-accept").start(() -> acceptLoop(socket));
    SmtpSession.LOG.log(Level.INFO, "smtp: listening on {0}", socket.getLocalSocketAddress());
  }

  /** The address and port actually bound (useful with port 0). */
  public synchronized InetSocketAddress localAddress() {
    if (listener == null) {
      throw new IllegalStateException("not started");
    }
    return (InetSocketAddress) listener.getLocalSocketAddress();
  }

  /**
   * Stops accepting, closes idle connections and waits up to 30 s for the ones storing a message:
   * they answer 250 (or 451), then 421. Whatever was not acknowledged will be sent again.
   */
  public void stop() {
    ServerSocket socket;
    Thread accepting;
    ScheduledExecutorService timer;
    synchronized (this) {
      socket = listener;
      accepting = acceptor;
      timer = watchdog;
      listener = null;
      acceptor = null;
      watchdog = null;
    }
    if (socket == null || accepting == null || timer == null) {
      return;
    }
    timer.shutdownNow();
    try {
      socket.close();
      accepting.join();
      sessions.keySet().forEach(session -> session.shutdown("shutting down"));
      long deadline = System.nanoTime() + STOP_GRACE.toNanos();
      for (Thread t : sessions.values()) {
        t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      }
    } catch (IOException ignored) {
      // closing anyway
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    SmtpSession.LOG.log(Level.INFO, "smtp: stopped");
  }

  @Override
  public void close() {
    stop();
  }

  private void acceptLoop(ServerSocket socket) {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Thread.ofVirtual().name("smtp-" + client.getInetAddress().getHostAddress())
            .start(() -> serve(client));
      } catch (IOException e) {
        if (!socket.isClosed()) {
          SmtpSession.LOG.log(Level.WARNING, "smtp: accept failed: {0}", e.toString());
        }
      }
    }
  }

  private void serve(Socket client) {
    InetAddress peer = client.getInetAddress();
    int fromPeer = perPeer.merge(peer, 1, Integer::sum);
    boolean admitted = fromPeer <= settings.maxConnectionsPerPeer() && connections.tryAcquire();
    try (client) {
      if (!admitted) {
        // 421 asks the sender to come back later (RFC 5321 §3.8); a 5xx would bounce a report.
        SmtpSession.LOG.log(Level.INFO, "smtp {0}: too many connections, refused",
            peer.getHostAddress());
        client.getOutputStream().write(("421 4.7.0 " + settings.hostname()
            + " too many connections, try again later\r\n").getBytes(StandardCharsets.US_ASCII));
        return;
      }
      SmtpSession session = new SmtpSession(client, settings, sink, policy, tls, clock);
      sessions.put(session, Thread.currentThread());
      ScheduledFuture<?> expiry = null;
      try {
        synchronized (this) {
          if (watchdog == null) {
            session.shutdown("shutting down"); // stop() began after this connection was accepted
          } else {
            expiry = watchdog.schedule(() -> session.shutdown("session time limit reached"),
                settings.sessionTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
          }
        }
        session.run();
      } finally {
        sessions.remove(session);
        if (expiry != null) {
          expiry.cancel(false);
        }
      }
    } catch (IOException e) {
      SmtpSession.LOG.log(Level.DEBUG, "smtp {0}: {1}", peer.getHostAddress(), e.toString());
    } finally {
      perPeer.computeIfPresent(peer, (k, n) -> n == 1 ? null : n - 1);
      if (admitted) {
        connections.release();
      }
    }
  }
}
