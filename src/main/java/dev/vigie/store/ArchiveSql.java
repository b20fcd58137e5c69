package dev.vigie.store;

import dev.vigie.ingest.Source;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** The raw archive: every received byte sequence, gzip-compressed, keyed by its SHA-256. */
final class ArchiveSql {
  private ArchiveSql() {}

  /** For each sha256 already archived: whether it has been processed. */
  static Map<String, Boolean> known(Connection c, long tenant, List<String> shas) throws SQLException {
    Map<String, Boolean> out = new HashMap<>();
    if (shas.isEmpty()) {
      return out;
    }
    String marks = String.join(",", java.util.Collections.nCopies(shas.size(), "?"));
    try (PreparedStatement ps = c.prepareStatement("SELECT sha256, processed_at FROM raw_message"
        + " WHERE tenant_id = ? AND sha256 IN (" + marks + ")")) {
      ps.setLong(1, tenant);
      for (int i = 0; i < shas.size(); i++) {
        ps.setString(i + 2, shas.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getObject(2) != null);
        }
      }
    }
    return out;
  }

  static void insert(Connection c, long tenant, String sha, byte[] raw, Source source)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO raw_message (tenant_id, sha256,"
        + " size_bytes, content_gz, source_kind, source_name, received_at) VALUES (?,?,?,?,?,?,?)"
        + " ON CONFLICT DO NOTHING")) {
      ps.setLong(1, tenant);
      ps.setString(2, sha);
      ps.setLong(3, raw.length);
      ps.setBytes(4, gzip(raw));
      ps.setString(5, source.kind().name());
      ps.setString(6, source.name());
      ps.setObject(7, LocalDateTime.ofInstant(source.receivedAt(), ZoneOffset.UTC));
      ps.executeUpdate();
    }
  }

  static void markProcessed(Connection c, long tenant, String sha, LocalDateTime now)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE raw_message SET processed_at = ? WHERE tenant_id = ? AND sha256 = ?")) {
      ps.setObject(1, now);
      ps.setLong(2, tenant);
      ps.setString(3, sha);
      ps.executeUpdate();
    }
  }

  /** Archived but never processed (a crash between archiving and storing): to be finished. */
  static List<String> pending(Connection c, long tenant) throws SQLException {
    List<String> out = new java.util.ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT sha256 FROM raw_message"
        + " WHERE tenant_id = ? AND processed_at IS NULL ORDER BY received_at")) {
      ps.setLong(1, tenant);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /** The original bytes and how they came. */
  record Archived(byte[] raw, Source source) {}

  static Archived load(Connection c, long tenant, String sha) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT content_gz, source_kind, source_name,"
        + " received_at FROM raw_message WHERE tenant_id = ? AND sha256 = ?")) {
      ps.setLong(1, tenant);
      ps.setString(2, sha);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("no archived message " + sha);
        }
        return new Archived(gunzip(rs.getBytes(1)), new Source(Source.Kind.valueOf(rs.getString(2)),
            rs.getString(3), rs.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC)));
      }
    }
  }

  static byte[] gzip(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
      gz.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] gunzip(byte[] gz) {
    try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
