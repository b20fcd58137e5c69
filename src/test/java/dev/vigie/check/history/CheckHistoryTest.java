package dev.vigie.check.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.check.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckHistoryTest {
  @TempDir Path data;

  private static CheckSnapshot snapshot(Instant at, String dmarcPolicy, int spfLookups,
      Map<String, String> dkim, String mtaSts, List<String> errors) {
    return new CheckSnapshot("example.com", at, 80,
        dmarcPolicy == null ? null : "v=DMARC1; p=" + dmarcPolicy, dmarcPolicy,
        "v=spf1 include:a -all", spfLookups, dkim, List.of("mx1.example.com"), mtaSts,
        "v=TLSRPTv1; rua=mailto:t@example.com", null, "unsigned", errors);
  }

  @Test
  void record_firstCheckHasNoChangesThenChangesAreFoundAndKept() throws Exception {
    CheckHistory h = new CheckHistory(data);
    CheckSnapshot first = snapshot(Instant.parse("2026-11-01T00:00:00Z"), "reject", 8,
        Map.of("selector1", "rsa 2048", "selector2", "rsa 2048"), "enforce", List.of());
    assertThat(h.record(first)).isEmpty();
    CheckSnapshot second = snapshot(Instant.parse("2026-11-02T00:00:00Z"), "none", 12,
        Map.of("selector1", "revoked", "k1", "ed25519 256"), "testing",
        List.of("spf.too-many-lookups"));
    List<ChangeEvent> events = h.record(second);
    assertThat(events).extracting(ChangeEvent::code).containsExactly(
        "dmarc.record-changed", "dmarc.policy-weakened", "spf.over-lookup-limit",
        "dkim.key-revoked", "dkim.key-removed", "dkim.key-added", "mtasts.mode-weakened",
        "finding.new-error");
    assertThat(events.get(1)).satisfies(e -> {
      assertThat(e.severity()).isEqualTo(Severity.WARNING);
      assertThat(e.before()).isEqualTo("reject");
      assertThat(e.after()).isEqualTo("none");
    });
    assertThat(Files.readAllLines(data.resolve("checks/example.com.jsonl"))).hasSize(2);
    assertThat(Files.readAllLines(data.resolve("checks/example.com.events.jsonl"))).hasSize(8);
    // A third, identical check finds nothing new: it compares with the last line on disk.
    assertThat(new CheckHistory(data).record(second)).isEmpty();
  }

  @Test
  void record_recordRemovedIsAnError() {
    CheckHistory h = new CheckHistory(data);
    h.record(snapshot(Instant.parse("2026-11-01T00:00:00Z"), "quarantine", 3, Map.of(), null, List.of()));
    List<ChangeEvent> events = h.record(snapshot(Instant.parse("2026-11-02T00:00:00Z"), null, 3,
        Map.of(), null, List.of()));
    assertThat(events).extracting(ChangeEvent::code)
        .containsExactly("dmarc.record-removed", "dmarc.policy-weakened");
    assertThat(events.get(0).severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void record_tornLastLineAfterACrashIsNotFatal() throws Exception {
    CheckHistory h = new CheckHistory(data);
    h.record(snapshot(Instant.parse("2026-11-01T00:00:00Z"), "reject", 3, Map.of(), null, List.of()));
    Files.writeString(data.resolve("checks/example.com.jsonl"), "{\"domain\":\"exa",
        java.nio.file.StandardOpenOption.APPEND);
    assertThat(h.record(snapshot(Instant.parse("2026-11-02T00:00:00Z"), "reject", 3, Map.of(),
        null, List.of()))).isEmpty();
  }
}
