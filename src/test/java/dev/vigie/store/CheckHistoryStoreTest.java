package dev.vigie.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.check.Severity;
import dev.vigie.check.history.ChangeEvent;
import dev.vigie.check.history.CheckSnapshot;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Check history in the store: each check kept, compared with the previous one, changes kept. */
class CheckHistoryStoreTest {
  @TempDir Path data;

  private static CheckSnapshot snapshot(Instant at, String dmarcPolicy, int spfLookups,
      Map<String, String> dkim, String mtaSts, List<String> errors) {
    return new CheckSnapshot("example.com", at, 80,
        dmarcPolicy == null ? null : "v=DMARC1; p=" + dmarcPolicy, dmarcPolicy,
        "v=spf1 include:a -all", spfLookups, dkim, List.of("mx1.example.com"), mtaSts,
        "v=TLSRPTv1; rua=mailto:t@example.com", null, "unsigned", errors);
  }

  @Test
  void record_firstCheckHasNoChangesThenChangesAreFoundAndKept() {
    try (Store s = Store.open(StoreLocation.embedded(data))) {
      var c = s.connection();
      CheckSnapshot first = snapshot(Instant.parse("2026-11-01T00:00:00Z"), "reject", 8,
          Map.of("selector1", "rsa 2048", "selector2", "rsa 2048"), "enforce", List.of());
      assertThat(CheckHistoryStore.record(c, 1, first, 0, "{}")).isEmpty();
      CheckSnapshot second = snapshot(Instant.parse("2026-11-02T00:00:00Z"), "none", 12,
          Map.of("selector1", "revoked", "k1", "ed25519 256"), "testing",
          List.of("spf.too-many-lookups"));
      List<ChangeEvent> events = CheckHistoryStore.record(c, 1, second, 2, "{}");
      assertThat(events).extracting(ChangeEvent::code).containsExactly(
          "dmarc.record-changed", "dmarc.policy-weakened", "spf.over-lookup-limit",
          "dkim.key-revoked", "dkim.key-removed", "dkim.key-added", "mtasts.mode-weakened",
          "finding.new-error");
      assertThat(dev.vigie.check.history.CheckChanges.CODES)
          .containsAll(events.stream().map(ChangeEvent::code).toList());
      assertThat(events).filteredOn(e -> e.code().startsWith("dkim."))
          .extracting(ChangeEvent::subject).containsExactly("selector1", "selector2", "k1");
      assertThat(events.get(1)).satisfies(e -> {
        assertThat(e.severity()).isEqualTo(Severity.WARNING);
        assertThat(e.before()).isEqualTo("reject");
        assertThat(e.after()).isEqualTo("none");
      });
      List<CheckSql.Change> kept = CheckSql.changes(c, 1, "example.com", 50);
      assertThat(kept).hasSize(8);
      assertThat(kept).extracting(CheckSql.Change::code).contains("dmarc.policy-weakened");
      assertThat(CheckSql.latest(c, 1, "example.com")).get().satisfies(k -> {
        assertThat(k.errors()).isEqualTo(1);
        assertThat(k.warnings()).isEqualTo(2);
      });
      // another tenant's history is its own
      assertThat(CheckHistoryStore.record(c, 2, second, 0, "{}")).isEmpty();
    }
    // A third, identical check (another process, later) finds nothing new.
    try (Store s = Store.open(StoreLocation.embedded(data))) {
      assertThat(CheckHistoryStore.record(s.connection(), 1,
          snapshot(Instant.parse("2026-11-03T00:00:00Z"), "none", 12,
              Map.of("selector1", "revoked", "k1", "ed25519 256"), "testing",
              List.of("spf.too-many-lookups")), 2, "{}")).isEmpty();
    }
  }

  @Test
  void record_recordRemovedIsAnError() {
    try (Store s = Store.open(StoreLocation.embedded(data))) {
      var c = s.connection();
      CheckHistoryStore.record(c, 1, snapshot(Instant.parse("2026-11-01T00:00:00Z"),
          "quarantine", 3, Map.of(), null, List.of()), 0, "{}");
      List<ChangeEvent> events = CheckHistoryStore.record(c, 1,
          snapshot(Instant.parse("2026-11-02T00:00:00Z"), null, 3, Map.of(), null, List.of()),
          0, "{}");
      assertThat(events).extracting(ChangeEvent::code)
          .containsExactly("dmarc.record-removed", "dmarc.policy-weakened");
      assertThat(events.get(0).severity()).isEqualTo(Severity.ERROR);
    }
  }

  @Test
  void record_unreadableEarlierSnapshotIsNotFatal() throws Exception {
    try (Store s = Store.open(StoreLocation.embedded(data))) {
      var c = s.connection();
      try (var st = c.createStatement()) {
        st.execute("INSERT INTO domain_check VALUES (1, 'example.com',"
            + " TIMESTAMP '2026-10-01 00:00:00', 50, 0, 0, '{}', '{\"domain\":\"exa')");
      }
      assertThat(CheckHistoryStore.record(c, 1, snapshot(Instant.parse("2026-11-02T00:00:00Z"),
          "reject", 3, Map.of(), null, List.of()), 0, "{}")).isEmpty();
    }
  }
}
