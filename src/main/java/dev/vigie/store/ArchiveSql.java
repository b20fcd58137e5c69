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
  static Map<String, Boolean> known(Connection c, StoreLocation.Engine engine, long tenant,
      List<String> shas) throws SQLException {
    Map<String, Boolean> out = new HashMap<>();
    if (shas.isEmpty()) {
      return out;
    }
    // Both tables narrowed to the batch's digests before the join: joining raw_processed whole
    // made DuckDB hash all of it for every batch (50-170 ms at 100,000 messages, 10 ms now).
    String list = ValueList.sql(engine);
    try (PreparedStatement ps = c.prepareStatement("SELECT m.sha256, p.sha256 IS NOT NULL"
        + " FROM (SELECT sha256 FROM raw_message WHERE tenant_id = ? AND sha256 IN " + list
        + ") m LEFT JOIN (SELECT sha256 FROM raw_processed WHERE tenant_id = ? AND sha256 IN "
        + list + ") p ON p.sha256 = m.sha256")) {
      ps.setLong(1, tenant);
      ValueList.bind(ps, 2, engine, shas); // hex digests: always fit
      ps.setLong(3, tenant);
      ValueList.bind(ps, 4, engine, shas);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.merge(rs.getString(1), rs.getBoolean(2), Boolean::logicalOr);
        }
      }
    }
    return out;
  }

  /**
   * Marks messages processed: appended to raw_processed (DuckDB's Appender; on PostgreSQL one
   * merge that ignores a mark another process wrote first).
   */
  static void markProcessed(Connection c, StoreLocation.Engine engine, long tenant,
      java.util.Collection<String> shas, LocalDateTime now) throws SQLException {
    if (shas.isEmpty()) {
      return;
    }
    if (engine == StoreLocation.Engine.DUCKDB) {
      try (org.duckdb.DuckDBAppender a = DuckBulk.appender(c, "raw_processed")) {
        for (String sha : shas) {
          a.beginRow();
          a.append(tenant).append(sha).append(now);
          a.endRow();
        }
      }
      return;
    }
    CsvRows rows = new CsvRows(shas.size() * 100);
    for (String sha : shas) {
      rows.num(tenant).text(sha).time(now).end();
    }
    BulkCopy.insertNew(c, "raw_processed", "tenant_id, sha256, processed_at", rows, null);
  }

  /**
   * Archives many messages at once (DuckDB's Appender; on PostgreSQL {@link BulkCopy#insertNew},
   * which leaves a copy another process archived first alone).
   *
   * @param contents the bytes to keep; {@code encodings} says whether they are gzip of the original
   *     ("gzip") or the original itself ("identity")
   */
  static void insertAll(Connection c, StoreLocation.Engine engine, long tenant,
      List<String> shas, List<byte[]> contents, List<String> encodings, List<Long> sizes,
      List<Source> sources) throws SQLException {
    if (shas.isEmpty()) {
      return;
    }
    if (engine == StoreLocation.Engine.POSTGRESQL) {
      // one message's hex text at a time: a batch as text is twice its bytes
      Iterable<CsvRows> rows = () -> java.util.stream.IntStream.range(0, shas.size())
          .mapToObj(i -> new CsvRows(2 * contents.get(i).length + 256).num(tenant)
              .text(shas.get(i)).num(sizes.get(i)).bytea(contents.get(i)).text(encodings.get(i))
              .text(sources.get(i).kind().name()).text(sources.get(i).name())
              .time(LocalDateTime.ofInstant(sources.get(i).receivedAt(), ZoneOffset.UTC)).end())
          .iterator();
      BulkCopy.insertNew(c, "raw_message", "tenant_id, sha256, size_bytes, content,"
          + " content_encoding, source_kind, source_name, received_at", rows, null);
      return;
    }
    try (org.duckdb.DuckDBAppender a = DuckBulk.appender(c, "raw_message")) {
      for (int i = 0; i < shas.size(); i++) {
        a.beginRow();
        a.append(tenant).append(shas.get(i)).append(sizes.get(i).longValue())
            .append(contents.get(i)).append(encodings.get(i))
            .append(sources.get(i).kind().name()).append(sources.get(i).name())
            .append(LocalDateTime.ofInstant(sources.get(i).receivedAt(), ZoneOffset.UTC));
        a.appendNull();
        a.endRow();
      }
    }
  }

  /** Archived but never processed (a crash between archiving and storing): to be finished. */
  static List<String> pending(Connection c, long tenant) throws SQLException {
    List<String> out = new java.util.ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT m.sha256 FROM raw_message m"
        + " WHERE m.tenant_id = ? AND NOT EXISTS (SELECT 1 FROM raw_processed p"
        + " WHERE p.tenant_id = m.tenant_id AND p.sha256 = m.sha256) ORDER BY m.received_at")) {
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
    try (PreparedStatement ps = c.prepareStatement("SELECT content, content_encoding, source_kind,"
        + " source_name, received_at FROM raw_message WHERE tenant_id = ? AND sha256 = ?")) {
      ps.setLong(1, tenant);
      ps.setString(2, sha);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("no archived message " + sha);
        }
        byte[] content = rs.getBytes(1);
        return new Archived("gzip".equals(rs.getString(2)) ? gunzip(content) : content,
            new Source(Source.Kind.valueOf(rs.getString(3)), rs.getString(4),
                rs.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC)));
      }
    }
  }

  /** gzip and zip files (most reports) are kept as they came: compressing them again gains nothing. */
  static boolean alreadyCompressed(byte[] b) {
    return b.length >= 4 && (((b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B)
        || (b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4));
  }

  static byte[] gzip(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192) {
      {
        def.setLevel(java.util.zip.Deflater.BEST_SPEED); // archive writes are on the ingest path
      }
    }) {
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
