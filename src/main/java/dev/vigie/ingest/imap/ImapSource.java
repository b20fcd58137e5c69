package dev.vigie.ingest.imap;

import dev.vigie.ingest.RawSink;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Feeds every message of an IMAP report folder to a {@link RawSink}, then moves it out of the way.
 *
 * <p>A message is moved to the archive folder only after {@link RawSink#ingest} has returned, so
 * a crash, a lost connection or a failing sink never loses one: it stays in the folder and is read
 * again (the sink recognises bytes it already has). A message that held no report goes to the
 * invalid folder instead.
 *
 * <p>{@link #run} keeps going until {@link #stop}: it drains the folder, then waits in IDLE (RFC
 * 2177) or polls, and reconnects with growing pauses when the server goes away. It logs one short
 * line per event and never prints a stack trace.
 */
public final class ImapSource implements Runnable, AutoCloseable {
  private final ImapSettings settings;
  private final Consumer<String> log;
  private final MailboxDrain drain;
  private final Tally tally = new Tally();
  private final CountDownLatch stopSignal = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private final ScheduledExecutorService timer;
  private volatile boolean stopping;
  private volatile boolean running;
  private volatile @Nullable Mailbox current;
  private @Nullable Thread thread;
  private volatile @Nullable Thread runner;

  public ImapSource(ImapSettings settings, RawSink sink) {
    this(settings, sink, Clock.systemUTC(), defaultLog());
  }

  /**
   * @param clock gives {@link dev.vigie.ingest.Source#receivedAt}
   * @param log receives one line per event (connected, lost, a message not stored…)
   */
  public ImapSource(ImapSettings settings, RawSink sink, Clock clock, Consumer<String> log) {
    this.settings = settings;
    this.log = log;
    this.drain = new MailboxDrain(settings, sink, clock, log, tally);
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "vigie-imap-timer " + settings.mailboxUrl());
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Connects, processes every message present once, and disconnects.
   *
   * @throws IOException when the server can't be reached or the connection fails midway (messages
   *     not moved yet stay in the folder)
   */
  public ImapRound drainOnce() throws IOException {
    if (running) {
      throw new IllegalStateException("the source is already running");
    }
    try (Mailbox box = Mailbox.open(settings, log)) {
      tally.connections.incrementAndGet();
      return drain.drain(box, () -> stopping);
    } catch (MessagingException e) {
      throw new IOException(settings.mailboxUrl() + ": " + Errors.oneLine(e), e);
    }
  }

  /** Runs {@link #run} on a daemon thread of its own. */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("already started");
    }
    Thread t = new Thread(this, "vigie-imap " + settings.mailboxUrl());
    t.setDaemon(true);
    thread = t;
    running = true; // before start(), so a stop() right after start() waits for the loop
    t.start();
  }

  /** Drains, waits for mail, drains again… until {@link #stop}, reconnecting as needed. */
  @Override
  public void run() {
    running = true;
    runner = Thread.currentThread();
    Backoff backoff = new Backoff(settings.retryMin(), settings.retryMax());
    boolean lost = false;
    try {
      while (!stopping) {
        try (Mailbox box = Mailbox.open(settings, log)) {
          current = box;
          tally.connections.incrementAndGet();
          log.accept(settings.mailboxUrl() + ": " + (lost ? "reconnected" : "connected") + " ("
              + box.describe() + ")");
          lost = false;
          backoff.reset();
          serve(box);
        } catch (MessagingException | IOException | RuntimeException e) {
          current = null;
          if (stopping) {
            break;
          }
          Duration pause = backoff.next();
          log.accept(settings.mailboxUrl() + ": " + (lost ? "still unreachable" : "connection lost")
              + " (" + Errors.oneLine(e) + "); retrying in " + human(pause));
          lost = true;
          await(pause);
        }
      }
    } finally {
      current = null;
      running = false;
      finished.countDown();
    }
  }

  private void serve(Mailbox box) throws MessagingException {
    while (!stopping) {
      ImapRound round = drain.drain(box, () -> stopping);
      if (!round.isEmpty()) {
        log.accept(settings.mailboxUrl() + ": " + round);
      }
      if (stopping) {
        return;
      }
      if (box.canIdle()) {
        box.idle(settings.idleRenewal(), timer);
      } else {
        await(settings.pollInterval());
      }
    }
  }

  /**
   * Ends {@link #run} after the message in hand (a store in progress is never cut short) and
   * logs out; waits up to the connect plus read timeouts for that.
   */
  public void stop() {
    stopping = true;
    stopSignal.countDown();
    if (running && Thread.currentThread() != runner) {
      ScheduledFuture<?> waker = null;
      try {
        // Repeated: an IDLE may start just after a first wake-up found none in progress.
        waker = timer.scheduleWithFixedDelay(() -> {
          Mailbox box = current;
          if (box != null) {
            box.wake();
          }
        }, 0, 100, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException alreadyStopped) {
        // stop() was called before
      }
      try {
        if (!finished.await(settings.connectTimeout().plus(settings.readTimeout()).toMillis(),
            TimeUnit.MILLISECONDS)) {
          log.accept(settings.mailboxUrl() + ": still busy, giving up waiting for it to stop");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        if (waker != null) {
          waker.cancel(false);
        }
      }
    }
    timer.shutdownNow();
  }

  @Override
  public void close() {
    stop();
  }

  public ImapStats stats() {
    Mailbox box = current;
    return tally.snapshot(box != null && box.isIdling());
  }

  public ImapSettings settings() {
    return settings;
  }

  private void await(Duration d) {
    try {
      stopSignal.await(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping = true;
    }
  }

  private static String human(Duration d) {
    long ms = d.toMillis();
    return ms < 1000 ? ms + " ms" : ms < 120_000 ? ms / 1000 + " s" : ms / 60_000 + " min";
  }

  private static Consumer<String> defaultLog() {
    System.Logger logger = System.getLogger(ImapSource.class.getPackageName());
    return line -> logger.log(System.Logger.Level.INFO, line);
  }
}
