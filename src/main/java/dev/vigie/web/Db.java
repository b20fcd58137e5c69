package dev.vigie.web;

import dev.vigie.store.Store;
import dev.vigie.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small pool of store connections for request handlers (DuckDB duplicates of the store's
 * connection, or PostgreSQL connections). At most {@code size} are open; a request waits for one
 * up to 10 s.
 */
public final class Db implements AutoCloseable {
  private final Store store;
  private final BlockingQueue<Connection> idle;
  private final AtomicInteger open = new AtomicInteger();
  private final int size;

  /** Work done with one connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  public Db(Store store, int size) {
    this.store = store;
    this.size = size;
    this.idle = new ArrayBlockingQueue<>(size);
  }

  public <T> T with(Work<T> work) {
    Connection c = borrow();
    boolean ok = false;
    try {
      T t = work.run(c);
      ok = true;
      return t;
    } catch (SQLException e) {
      throw new StoreException(e.getMessage(), e);
    } finally {
      giveBack(c, ok);
    }
  }

  /** In one transaction: committed when {@code work} returns, rolled back when it throws. */
  public <T> T tx(Work<T> work) {
    return with(c -> {
      c.setAutoCommit(false);
      try {
        T t = work.run(c);
        c.commit();
        return t;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    });
  }

  private Connection borrow() {
    Connection c = idle.poll();
    if (c != null) {
      return c;
    }
    if (open.incrementAndGet() <= size) {
      return store.newConnection();
    }
    open.decrementAndGet();
    try {
      c = idle.poll(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (c == null) {
      throw new WebError(503, "error.busy");
    }
    return c;
  }

  private void giveBack(Connection c, boolean ok) {
    try {
      if (!ok && (c.isClosed() || !c.getAutoCommit())) {
        c.close();
        open.decrementAndGet();
        return;
      }
    } catch (SQLException e) {
      open.decrementAndGet();
      return;
    }
    if (!idle.offer(c)) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing a surplus connection
      }
      open.decrementAndGet();
    }
  }

  @Override
  public void close() {
    Connection c;
    while ((c = idle.poll()) != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // shutting down
      }
    }
  }
}
