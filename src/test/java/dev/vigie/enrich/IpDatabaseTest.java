package dev.vigie.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpDatabaseTest {
  @TempDir Path dir;

  private static InetAddress ip(String literal) {
    return IpLiterals.parse(literal);
  }

  @Test
  void lookup_ipinfoLiteShape() throws IOException {
    try (IpDatabase db = IpDatabase.open(List.of(TestDatabases.ipinfoLite(dir)))) {
      assertThat(db.lookup(ip("54.240.10.20")))
          .isEqualTo(new NetworkInfo("US", 16509L, "Amazon.com, Inc."));
      assertThat(db.lookup(ip("51.68.1.2"))).isEqualTo(new NetworkInfo("FR", 16276L, "OVH SAS"));
    }
  }

  @Test
  void lookup_ipv6Network() throws IOException {
    try (IpDatabase db = IpDatabase.open(List.of(TestDatabases.ipinfoLite(dir)))) {
      assertThat(db.lookup(ip("2a00:1450:4864:20::52d")))
          .isEqualTo(new NetworkInfo("US", 15169L, "Google LLC"));
      assertThat(db.lookup(ip("2a01:4f8:10a:1::2")).asn()).isEqualTo(24940L);
    }
  }

  @Test
  void lookup_geoLite2CountryAndAsnFilesCombine() throws IOException {
    Path country = TestDatabases.geoLite2Country(dir);
    Path asn = TestDatabases.geoLite2Asn(dir);
    try (IpDatabase db = IpDatabase.open(List.of(country, asn))) {
      assertThat(db.lookup(ip("40.107.22.45")))
          .isEqualTo(new NetworkInfo("US", 8075L, "Microsoft Corporation"));
      assertThat(db.lookup(ip("88.198.5.6")))
          .isEqualTo(new NetworkInfo("DE", 24940L, "Hetzner Online GmbH"));
    }
  }

  @Test
  void lookup_addressNotInDatabase_empty() throws IOException {
    try (IpDatabase db = IpDatabase.open(List.of(TestDatabases.ipinfoLite(dir)))) {
      assertThat(db.lookup(ip("192.0.2.1"))).isEqualTo(NetworkInfo.EMPTY);
      assertThat(db.lookup(ip("2001:db8::1"))).isEqualTo(NetworkInfo.EMPTY);
    }
  }

  @Test
  void open_missingFile_isNotAnError() throws IOException {
    Path absent = dir.resolve("GeoLite2-Country.mmdb");
    try (IpDatabase db = IpDatabase.open(List.of(absent))) {
      assertThat(db.isEmpty()).isTrue();
      assertThat(db.missing()).containsExactly(absent);
      assertThat(db.lookup(ip("8.8.8.8"))).isEqualTo(NetworkInfo.EMPTY);
    }
  }

  @Test
  void open_garbageFile_errorNamesTheFile() throws IOException {
    Path f = Files.writeString(dir.resolve("country.mmdb"), "this is not a database\n".repeat(50),
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> IpDatabase.open(List.of(f)))
        .isInstanceOf(InvalidIpDatabaseException.class)
        .hasMessageContaining(f.toString())
        .hasMessageContaining("not a usable MaxMind-format (MMDB) database");
  }

  @Test
  void open_emptyFile_errorNamesTheFile() throws IOException {
    Path f = Files.write(dir.resolve("empty.mmdb"), new byte[0]);
    assertThatThrownBy(() -> IpDatabase.open(List.of(f)))
        .isInstanceOf(InvalidIpDatabaseException.class)
        .hasMessageContaining(f.toString());
  }

  @Test
  void open_damagedSearchTree_errorNamesTheFile() throws IOException {
    byte[] good = Files.readAllBytes(TestDatabases.ipinfoLite(dir));
    byte[] bad = good.clone();
    Arrays.fill(bad, 0, 600, (byte) 0xFF); // records pointing far past the data section
    Path f = Files.write(dir.resolve("damaged.mmdb"), bad);
    assertThatThrownBy(() -> IpDatabase.open(List.of(f)))
        .isInstanceOf(InvalidIpDatabaseException.class)
        .hasMessageContaining(f.toString());
  }

  @Test
  void open_directory_errorNamesIt() {
    assertThatThrownBy(() -> IpDatabase.open(List.of(dir)))
        .isInstanceOf(InvalidIpDatabaseException.class)
        .hasMessageContaining(dir.toString()).hasMessageContaining("not a regular file");
  }

  @Test
  void lookup_truncatedDataSection_uncheckedErrorNamesTheFile() throws IOException {
    // Tree and metadata intact, the data for 74.125.0.0/16 overwritten with an invalid type.
    MmdbWriter w = new MmdbWriter("test");
    w.insert("1.1.1.0/24", java.util.Map.of("country_code", "AU"));
    w.insert("74.125.0.0/16", java.util.Map.of("country_code", "US", "as_name", "Google LLC"));
    byte[] bytes = w.toBytes();
    int at = indexOf(bytes, "Google LLC".getBytes(StandardCharsets.UTF_8));
    bytes[at - 1] = 0x00; // the string's control byte becomes "extended type 0 + 7": invalid
    bytes[at] = (byte) 0xF0;
    Path f = Files.write(dir.resolve("bad-data.mmdb"), bytes);
    try (IpDatabase db = IpDatabase.open(List.of(f))) {
      assertThatThrownBy(() -> db.lookup(ip("74.125.1.1")))
          .isInstanceOf(UncheckedIOException.class)
          .cause().isInstanceOf(InvalidIpDatabaseException.class)
          .hasMessageContaining(f.toString());
    }
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
