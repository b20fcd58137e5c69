package dev.vigie.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The few JDBC shapes the web's SQL classes need: bind, map rows, wrap errors. Instants are stored
 * as UTC {@code TIMESTAMP}s, as elsewhere in the store.
 */
public final class Jdbc {
  private Jdbc() {}

  /** Maps the current row. */
  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  public static <T> List<T> list(Connection c, String sql, Row<T> row, @Nullable Object... args) {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(row.map(rs));
        }
        return out;
      }
    } catch (SQLException e) {
      throw new StoreException("query failed: " + Store.firstLine(String.valueOf(e.getMessage())), e);
    }
  }

  public static <T> Optional<T> one(Connection c, String sql, Row<T> row, @Nullable Object... args) {
    List<T> all = list(c, sql, row, args);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  public static long scalar(Connection c, String sql, @Nullable Object... args) {
    return one(c, sql, rs -> rs.getLong(1), args).orElse(0L);
  }

  public static int update(Connection c, String sql, @Nullable Object... args) {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("update failed: " + Store.firstLine(String.valueOf(e.getMessage())), e);
    }
  }

  /**
   * An update whose loss is harmless (a "last seen" mark): concurrent requests of one caller race
   * to mark the same row, and on DuckDB all but one fail with a write conflict. One of them wins;
   * the others must not fail the request.
   */
  public static void bestEffortUpdate(Connection c, String sql, @Nullable Object... args) {
    try {
      update(c, sql, args);
    } catch (StoreException conflict) {
      // another request marked the row first
    }
  }

  /** A new id from the web's one sequence (ids are unique across the web's tables). */
  public static long nextId(Connection c) {
    return scalar(c, "SELECT nextval('web_id_seq')");
  }

  public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime t = rs.getObject(column, LocalDateTime.class);
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }

  public static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  private static void bind(PreparedStatement ps, @Nullable Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a instanceof Instant t) {
        ps.setObject(i + 1, LocalDateTime.ofInstant(t, ZoneOffset.UTC));
      } else if (a == null) {
        ps.setObject(i + 1, null);
      } else if (a instanceof Long l) {
        ps.setLong(i + 1, l);
      } else if (a instanceof Integer n) {
        ps.setInt(i + 1, n);
      } else if (a instanceof Boolean b) {
        ps.setBoolean(i + 1, b);
      } else if (a instanceof java.time.LocalDate d) {
        ps.setObject(i + 1, d);
      } else {
        ps.setString(i + 1, a.toString());
      }
    }
  }
}
