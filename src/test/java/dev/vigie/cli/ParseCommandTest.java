package dev.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.testing.Samples;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigie parse} in-process, over the shared samples. */
class ParseCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), args);
  }

  @Test
  void parse_allSamplesAsJson() throws Exception {
    Path out = dir.resolve("out.json");
    int code = run("parse", "--out", out.toString(), Samples.root().toString());
    // empty.xml and the folder's README are not reports: each named on stderr in one line,
    // and everything else is still parsed.
    assertThat(code).isEqualTo(1);
    List<String> errors = err.toString().lines().filter(l -> l.startsWith("vigie: ")
        && !l.contains(" wrote ")).toList();
    assertThat(errors).hasSize(2);
    assertThat(errors).anySatisfy(l -> assertThat(l).contains("README.md: is not a recognized"));
    assertThat(errors).anySatisfy(l -> assertThat(l).contains("empty.xml: is empty (0 bytes)"));
    assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    JsonNode doc = JSON.readTree(out.toFile());
    // 16 raw/gz/zip aggregate files + 3 emails in aggregate/, 4 in extract_report/, 1 upper-cased
    assertThat(doc.get("aggregate_reports")).hasSize(24);
    assertThat(doc.get("failure_reports")).hasSize(5);
    assertThat(doc.get("smtp_tls_reports")).hasSize(4);
    JsonNode google = find(doc.get("aggregate_reports"), "949348866075514174");
    assertThat(google.at("/report_metadata/org_name").asText()).isEqualTo("google.com");
    assertThat(google.at("/policy_published/domain").asText()).isEqualTo("borschow.com");
    assertThat(google.at("/report_metadata/begin_date").asText()).isEqualTo("2019-02-12T00:00:00Z");
    assertThat(google.get("origin").asText()).contains(".eml > ").contains(".zip > ");
  }

  @Test
  void parse_jsonLinesOneReportPerLine() throws Exception {
    Path out = dir.resolve("out.jsonl");
    int code = run("parse", "--format", "jsonl", "--out", out.toString(),
        Samples.path("extract_report").toString(), Samples.path("smtp_tls/rfc8460.json").toString());
    assertThat(code).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(5);
    JsonNode first = JSON.readTree(lines.get(0));
    assertThat(first.get("report_type").asText()).isEqualTo("aggregate");
    assertThat(first.at("/report/report_metadata/org_name").asText()).isEqualTo("fred.com");
    assertThat(first.at("/report/records/0/source/ip_address").asText()).isEqualTo("209.85.220.69");
    assertThat(first.at("/report/records/0/count").asInt()).isEqualTo(1);
    assertThat(first.at("/report/records/0/policy_evaluated/spf").asText()).isEqualTo("pass");
    assertThat(first.at("/report/records/0/alignment/dmarc").asBoolean()).isTrue();
    assertThat(JSON.readTree(lines.get(4)).get("report_type").asText()).isEqualTo("smtp_tls");
  }

  @Test
  void parse_csvOneRecordPerRowWithSiblingFiles() throws Exception {
    Path out = dir.resolve("out.csv");
    int code = run("parse", "--format", "csv", "--out", out.toString(),
        Samples.path("extract_report/nice-input.xml.zip").toString(),
        Samples.path("failure").toString(), Samples.path("smtp_tls/smtp_tls.json").toString());
    assertThat(code).isZero();
    List<String> rows = Files.readAllLines(out);
    assertThat(rows.get(0)).startsWith("xml_schema,org_name,org_email,");
    assertThat(rows).hasSize(21);
    assertThat(rows.get(3)).contains(",54.240.48.90,").contains(",40,");
    assertThat(Files.readAllLines(dir.resolve("out.csv.failure.csv"))).hasSize(6);
    assertThat(Files.readAllLines(dir.resolve("out.csv.smtp_tls.csv"))).hasSizeGreaterThan(1);
  }

  @Test
  void parse_maildirSkipsTmpAndIndexFiles() throws Exception {
    Path maildir = dir.resolve("Maildir");
    for (String sub : List.of("cur", "new", "tmp")) {
      Files.createDirectories(maildir.resolve(sub));
    }
    Files.copy(Samples.path("aggregate/twilight.eml"), maildir.resolve("cur/1.host:2,S"));
    Files.copy(Samples.path("smtp_tls/google.com_smtp_tls_report.eml"), maildir.resolve("new/2.host"));
    Files.writeString(maildir.resolve("tmp/3.host"), "half-delivered");
    Files.writeString(maildir.resolve("dovecot.index.log"), "index");
    Path out = dir.resolve("out.jsonl");
    assertThat(run("parse", "--format", "jsonl", "--out", out.toString(), maildir.toString()))
        .isZero();
    assertThat(Files.readAllLines(out)).hasSize(2);
  }

  @Test
  void parse_replacesWhatALongerOutputFileHeld() throws Exception {
    Path out = dir.resolve("out.jsonl");
    Files.writeString(out, "old line\n".repeat(200_000)); // emptied on its own thread
    assertThat(run("parse", "--format", "jsonl", "--out", out.toString(),
        Samples.path("extract_report").toString())).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(4).noneMatch(l -> l.contains("old line"));
    assertThat(JSON.readTree(lines.get(3)).get("report_type").asText()).isEqualTo("aggregate");
  }

  @Test
  void parse_overAnOldOutput_keepsItsPermissionsAndLinks() throws Exception {
    Path out = dir.resolve("own.jsonl");
    Files.writeString(out, "old line\n".repeat(10_000));
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r-----"));
    assertThat(run("parse", "--format", "jsonl", "--out", out.toString(),
        Samples.path("extract_report").toString())).isZero();
    assertThat(Files.getPosixFilePermissions(out))
        .isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
    assertThat(Files.readAllLines(out)).hasSize(4).noneMatch(l -> l.contains("old line"));

    // through a symbolic link: the link stays, its target gets the output
    Path target = dir.resolve("target.jsonl");
    Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), target);
    Files.writeString(target, "old line\n".repeat(10_000));
    assertThat(run("parse", "--format", "jsonl", "--out", link.toString(),
        Samples.path("extract_report").toString())).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readAllLines(target)).hasSize(4).noneMatch(l -> l.contains("old line"));

    // a hard-linked file: both names still share the new content
    Path second = Files.createLink(dir.resolve("second.jsonl"), out);
    assertThat(run("parse", "--format", "jsonl", "--out", out.toString(),
        Samples.path("smtp_tls/rfc8460.json").toString())).isZero();
    assertThat(Files.readAllLines(second)).isEqualTo(Files.readAllLines(out)).hasSize(1);
  }

  @Test
  void parse_toDevNullAndToAFolderNamedAsOutput() throws Exception {
    assertThat(run("parse", "--format", "jsonl", "--out", "/dev/null",
        Samples.path("extract_report").toString())).isZero();
    assertThat(run("parse", "--out", dir.toString(),
        Samples.path("extract_report").toString())).isNotZero();
    assertThat(err.toString()).contains(dir.toString());
  }

  @Test
  void parse_missingPathIsAUsageError() {
    assertThat(run("parse", dir.resolve("nope.xml").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("nope.xml: no such file or folder");
  }

  private static JsonNode find(JsonNode reports, String reportId) {
    for (JsonNode r : reports) {
      if (r.at("/report_metadata/report_id").asText().equals(reportId)) {
        return r;
      }
    }
    throw new AssertionError("no report " + reportId);
  }
}
