package dev.vigie.cli;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The receivers one command started (SMTP, IMAP). {@link #close} stops them in the reverse order
 * of starting, each letting the message in hand finish storing, so the store can be closed next.
 */
final class Receivers implements AutoCloseable {
  private final Deque<AutoCloseable> running = new ArrayDeque<>();

  synchronized void add(AutoCloseable receiver) {
    running.push(receiver);
  }

  /** Stops every receiver; safe to call more than once. */
  @Override
  public synchronized void close() {
    while (!running.isEmpty()) {
      try {
        running.pop().close();
      } catch (Exception e) {
        // stopping anyway: the others must stop too before the store closes
        System.err.println("vigie: stopping a receiver: " + e.getMessage());
      }
    }
  }
}
