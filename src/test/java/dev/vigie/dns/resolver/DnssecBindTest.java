package dev.vigie.dns.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigie.dns.DnsAnswer;
import dev.vigie.dns.RecordType;
import dev.vigie.dns.dnssec.DnssecCheck;
import dev.vigie.dns.dnssec.DnssecStatus;
import dev.vigie.testing.LocalBind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DNSSEC validated for real: zones signed with BIND's dnssec-signzone, a parent "test." holding
 * the DS of "signed.test." and nothing for "plain.test.", served by BIND 9; the client validates
 * with dnsjava's ValidatingResolver from the parent's key as trust anchor.
 */
class DnssecBindTest {
  @TempDir static Path dir;
  static LocalBind bind;
  static DnsjavaClient validating;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(LocalBind.available() && Files.isExecutable(Path.of("/usr/bin/dnssec-signzone")),
        "BIND 9 and its DNSSEC tools are not installed; .ci/run installs bind9");
    String child = sign("signed.test", """
        @   IN MX 10 mx
        mx  IN A 192.0.2.25
        @   IN TXT "v=spf1 -all"
        """);
    String ds = run("/usr/bin/dnssec-dsfromkey", "-2", "-f", dir.resolve("signed.test.db.signed")
        .toString(), "signed.test").strip();
    String parent = sign("test", """
        signed  IN NS ns.test.
        %s
        plain   IN NS ns.test.
        ns      IN A 127.0.0.1
        """.formatted(ds));
    String plain = LocalBind.zoneFile("plain.test", "@ IN TXT \"v=spf1 -all\"");
    Files.writeString(dir.resolve("plain.db"), plain);
    bind = LocalBind.start(dir, LocalBind.zoneStatement("test", "test.db.signed")
        + LocalBind.zoneStatement("signed.test", "signed.test.db.signed")
        + LocalBind.zoneStatement("plain.test", "plain.db"), List.of("127.0.0.1"));
    // The parent's key-signing key is the trust anchor, as the root's is on the internet.
    String anchor = run("/usr/bin/dnssec-dsfromkey", "-2", "-f", dir.resolve("test.db.signed")
        .toString(), "test");
    Path anchorFile = Files.writeString(dir.resolve("anchor.txt"), anchor);
    validating = new DnsjavaClient(bind.settings().withTrustAnchorFile(anchorFile));
    assertThat(parent).isNotEmpty();
    assertThat(child).isNotEmpty();
  }

  /** Writes and signs a zone (one ECDSA P-256 key per zone, signing everything: -z). */
  private static String sign(String origin, String body) throws Exception {
    Path keys = Files.createDirectories(dir.resolve("keys-" + origin));
    run("/usr/bin/dnssec-keygen", "-q", "-a", "ECDSAP256SHA256", "-f", "KSK", "-K", keys.toString(),
        origin);
    Path zone = dir.resolve(origin + ".db");
    Files.writeString(zone, LocalBind.zoneFile(origin, body));
    run("/usr/bin/dnssec-signzone", "-S", "-z", "-K", keys.toString(), "-o", origin, "-f",
        dir.resolve(origin + ".db.signed").toString(), zone.toString());
    return Files.readString(dir.resolve(origin + ".db.signed"));
  }

  private static String run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", cmd) + ": " + out).isZero();
    return out;
  }

  @AfterAll
  static void stop() {
    if (bind != null) {
      bind.close();
    }
  }

  @Test
  void lookup_signedZoneAnswersAreAuthenticated() {
    DnsAnswer a = validating.lookup("mx.signed.test", RecordType.A);
    assertThat(a.records()).containsExactly("192.0.2.25");
    assertThat(a.authenticated()).isTrue();
  }

  @Test
  void lookup_unsignedDelegationIsInsecureNotBogus() {
    DnsAnswer a = validating.lookup("plain.test", RecordType.TXT);
    assertThat(a.records()).containsExactly("v=spf1 -all");
    assertThat(a.authenticated()).isFalse();
  }

  @Test
  void check_statusOfSignedAndUnsignedDomains() {
    DnssecCheck check = new DnssecCheck(validating);
    assertThat(check.check("signed.test").status()).isEqualTo(DnssecStatus.VALIDATED);
    assertThat(check.check("plain.test").status()).isEqualTo(DnssecStatus.UNSIGNED);
  }
}
