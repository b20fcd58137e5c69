package dev.vigie.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.ingest.Source;
import dev.vigie.testing.BothEngines;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL's bulk path for rows another Vigie process may store at the same moment: one COPY
 * when nothing clashes, and when something does, the rows that are new still go in, the
 * transaction stays usable, and the caller learns which rows were its own.
 */
class BulkCopyTest {
  private static final LocalDateTime NOW = LocalDateTime.parse("2026-12-05T10:00:00");
  private static final String COLUMNS = "tenant_id, sha256, processed_at";

  @TempDir Path dir;

  @Test
  void insertNew_withoutClash_isOneCopyAndReportsEveryRowStored() throws Exception {
    try (Store s = BothEngines.open(StoreLocation.Engine.POSTGRESQL, dir)) {
      Connection c = s.connection();
      c.setAutoCommit(false);
      assertThat(BulkCopy.insertNew(c, "raw_processed", COLUMNS, rows(1, "a", "b", "c"),
          "tenant_id")).isNull();
      c.commit();
      c.setAutoCommit(true);
      assertThat(shas(c)).containsExactly("a", "b", "c");
    }
  }

  @Test
  void insertNew_keepsWhatAnotherSessionStoredFirst_andStoresTheRest() throws Exception {
    try (Store s = BothEngines.open(StoreLocation.Engine.POSTGRESQL, dir);
        Connection other = s.newConnection()) {
      try (Statement st = other.createStatement()) {
        st.execute("INSERT INTO raw_processed (tenant_id, sha256, processed_at)"
            + " VALUES (1, 'b', TIMESTAMP '2026-01-01 00:00:00')");
      }
      Connection c = s.connection();
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.execute("INSERT INTO raw_processed (tenant_id, sha256, processed_at)"
            + " VALUES (1, 'before', TIMESTAMP '2026-01-01 00:00:00')");
      }
      List<Long> ours = BulkCopy.insertNew(c, "raw_processed", COLUMNS,
          rows(1, "a", "b", "c"), "tenant_id");
      assertThat(ours).hasSize(2); // a and c; b was there
      // a second batch in the same transaction goes through the staging table again, empty
      assertThat(BulkCopy.insertNew(c, "raw_processed", COLUMNS, rows(1, "b", "d"),
          "tenant_id")).hasSize(1);
      c.commit();
      c.setAutoCommit(true);
      // the row written before the clash survived the savepoint's rollback
      assertThat(shas(c)).containsExactly("a", "b", "before", "c", "d");
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT processed_at FROM raw_processed"
              + " WHERE sha256 = 'b'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getObject(1, LocalDateTime.class)).isEqualTo("2026-01-01T00:00:00");
      }
    }
  }

  @Test
  void insertNew_waitsForAnotherSessionsOpenTransaction_thenSkipsItsRows() throws Exception {
    try (Store s = BothEngines.open(StoreLocation.Engine.POSTGRESQL, dir);
        Connection other = s.newConnection()) {
      other.setAutoCommit(false);
      try (Statement st = other.createStatement()) {
        st.execute("INSERT INTO raw_processed (tenant_id, sha256, processed_at)"
            + " VALUES (1, 'b', TIMESTAMP '2026-01-01 00:00:00')");
      }
      Connection c = s.connection();
      c.setAutoCommit(false);
      // our COPY meets the other transaction's uncommitted key and waits for its outcome
      CompletableFuture<List<Long>> ours = CompletableFuture.supplyAsync(() -> {
        try {
          return BulkCopy.insertNew(c, "raw_processed", COLUMNS, rows(1, "a", "b"),
              "tenant_id");
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      Thread.sleep(300);
      assertThat(ours).isNotDone();
      other.commit();
      assertThat(ours.get(30, TimeUnit.SECONDS)).hasSize(1);
      c.commit();
      c.setAutoCommit(true);
      assertThat(shas(c)).containsExactly("a", "b");
    }
  }

  @Test
  void archive_keepsTheCopyAnotherProcessArchived_andStoresEveryByteOfTheOthers()
      throws Exception {
    try (Store s = BothEngines.open(StoreLocation.Engine.POSTGRESQL, dir);
        Connection other = s.newConnection()) {
      byte[] theirs = {1, 2, 3};
      byte[] mine = new byte[70_000];
      new java.util.Random(7).nextBytes(mine); // every byte value, commas and quotes included
      Source src = new Source(Source.Kind.SMTP, "smtp from 192.0.2.1, \"mx\"", Instant.EPOCH);
      other.setAutoCommit(false);
      ArchiveSql.insertAll(other, StoreLocation.Engine.POSTGRESQL, Store.DEFAULT_TENANT,
          List.of("s1"), List.of(theirs), List.of("identity"), List.of(3L), List.of(src));
      other.commit();
      Connection c = s.connection();
      c.setAutoCommit(false);
      ArchiveSql.insertAll(c, StoreLocation.Engine.POSTGRESQL, Store.DEFAULT_TENANT,
          List.of("s1", "s2"), List.of(new byte[] {9}, mine), List.of("identity", "identity"),
          List.of(1L, (long) mine.length), List.of(src, src));
      c.commit();
      c.setAutoCommit(true);
      assertThat(ArchiveSql.load(c, Store.DEFAULT_TENANT, "s1").raw()).isEqualTo(theirs);
      ArchiveSql.Archived a = ArchiveSql.load(c, Store.DEFAULT_TENANT, "s2");
      assertThat(a.raw()).isEqualTo(mine);
      assertThat(a.source()).isEqualTo(src);
    }
  }

  private static CsvRows rows(long tenant, String... shas) {
    CsvRows rows = new CsvRows(64);
    for (String sha : shas) {
      rows.num(tenant).text(sha).time(NOW).end();
    }
    return rows;
  }

  private static List<String> shas(Connection c) throws Exception {
    List<String> out = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT sha256 FROM raw_processed ORDER BY sha256")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
