package dev.vigie.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Connections for dashboard reads, beside the store's own (which {@link Ingestor} holds inside its
 * transactions): on DuckDB, duplicates of the store's connection (same database, same process,
 * their own transactions); on PostgreSQL, new connections to the same URL. Bounded: a caller
 * waits for a free connection, so 50 concurrent page views do not open 50 connections.
 */
public final class ReadPool implements AutoCloseable {
  /** Work on a connection. */
  @FunctionalInterface
  public interface Work<T> {
    T apply(Connection c) throws SQLException;
  }

  private final Store store;
  private final BlockingQueue<Connection> free;
  private final List<Connection> all = new ArrayList<>();

  private ReadPool(Store store, int size) throws SQLException {
    this.store = store;
    this.free = new ArrayBlockingQueue<>(size);
    try {
      for (int i = 0; i < size; i++) {
        Connection c = store.engine() == StoreLocation.Engine.DUCKDB
            ? ((org.duckdb.DuckDBConnection) store.connection()).duplicate()
            : DriverManager.getConnection(store.location().jdbcUrl());
        all.add(c);
        free.add(c);
      }
    } catch (SQLException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** {@code size} read connections on the store (DuckDB: about the number of cores is plenty). */
  public static ReadPool open(Store store, int size) {
    try {
      return new ReadPool(store, Math.max(1, size));
    } catch (SQLException e) {
      throw new StoreException(store.location().describe() + ": cannot open read connections: "
          + e.getMessage(), e);
    }
  }

  public StoreLocation.Engine engine() {
    return store.engine();
  }

  /** Runs {@code work} on a free connection; SQL errors become {@link StoreException}. */
  public <T> T read(Work<T> work) {
    Connection c;
    try {
      c = free.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for a read connection", e);
    }
    try {
      return work.apply(c);
    } catch (SQLException e) {
      throw new StoreException(store.location().describe() + ": cannot read: "
          + Store.firstLine(String.valueOf(e.getMessage())), e);
    } finally {
      free.add(c);
    }
  }

  @Override
  public void close() {
    for (Connection c : all) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing: nothing to save
      }
    }
  }
}
