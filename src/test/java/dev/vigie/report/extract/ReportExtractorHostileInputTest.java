package dev.vigie.report.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.vigie.report.ParseLimits;
import dev.vigie.report.aggregate.AggregateReport;
import dev.vigie.testing.Samples;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inputs built to hurt: decompression bombs, lying zip headers, deep nesting, huge part counts,
 * XXE, garbage. Each must end within seconds, in a 1 GiB heap, as one {@link ParseOutcome.Failed}
 * whose reason says what was wrong — never an exception, a hang or an OutOfMemoryError. Everything
 * is generated here; the bombs are built without ever holding their inflated size in memory.
 */
class ReportExtractorHostileInputTest {
  private static final Duration DEADLINE = Duration.ofSeconds(20);
  private static final long MIB = 1024L * 1024;
  private static final long GIB = 1024 * MIB;

  private final ParseLimits limits = ParseLimits.defaults();
  private final ReportExtractor extractor = new ReportExtractor(limits);

  private List<ParseOutcome> extract(String origin, byte[] data) {
    return assertTimeoutPreemptively(DEADLINE, () -> {
      List<ParseOutcome> out = new ArrayList<>();
      extractor.extract(origin, new ByteArrayInputStream(data), out::add);
      return out;
    });
  }

  /** Exactly one outcome, a failure at {@code origin} with a plain reason. */
  private static ParseOutcome.Failed onlyFailure(List<ParseOutcome> out, String origin) {
    assertThat(out).singleElement().isInstanceOf(ParseOutcome.Failed.class);
    ParseOutcome.Failed f = (ParseOutcome.Failed) out.get(0);
    assertThat(f.origin()).isEqualTo(origin);
    assertClear(f.reason());
    return f;
  }

  /** Not the extractor's catch-all for parser bugs, and no stack trace. */
  private static void assertClear(String reason) {
    assertThat(reason).isNotBlank().doesNotStartWith("could not be parsed (")
        .doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void extract_gzipBombStopsAtInflatedSizeLimit() {
    byte[] bomb = gzip(deflatedZeros(GIB), crcOfZeros(GIB), GIB);
    assertThat(bomb.length).isLessThan(2 * (int) MIB);

    ParseOutcome.Failed f = onlyFailure(extract("bomb.xml.gz", bomb), "bomb.xml.gz");

    assertThat(f.reason()).isEqualTo("the gzip stream is larger than the 128.0 MiB limit");
  }

  @Test
  void extract_gzipBombStopsAtInflateRatio() {
    ReportExtractor strict = new ReportExtractor(new ParseLimits(256 * MIB, 128 * MIB, 100, 4,
        64, 256, 1000, 32, 65536));
    byte[] bomb = gzip(deflatedZeros(GIB), crcOfZeros(GIB), GIB);

    List<ParseOutcome> out = assertTimeoutPreemptively(DEADLINE, () -> {
      List<ParseOutcome> o = new ArrayList<>();
      strict.extract("bomb.gz", bomb, 0, o::add);
      return o;
    });

    ParseOutcome.Failed f = onlyFailure(out, "bomb.gz");
    assertThat(f.reason()).startsWith("the gzip stream inflates more than 100 times its compressed"
        + " size").endsWith("refused as a decompression bomb");
  }

  @Test
  void extract_zipBombMemberRefusedAfterEarlierMemberParsed() {
    long size = 3 * GIB;
    byte[] zip = new Zip()
        .add(Zip.deflated("good.xml", Samples.bytes("aggregate/empty_reason.xml")))
        // Sizes in a data descriptor after the data, as streaming zip writers do: unknown up front.
        .add(new Zip.Member("zeros.xml", Zip.DEFLATED, deflatedZeros(size), crcOfZeros(size),
            size, true))
        .bytes();

    List<ParseOutcome> out = extract("bomb.zip", zip);

    assertThat(out).hasSize(2);
    assertThat(out.get(0)).isInstanceOf(ParseOutcome.Parsed.class);
    assertThat(out.get(0).origin()).isEqualTo("bomb.zip > good.xml");
    assertThat(out.get(1)).isEqualTo(new ParseOutcome.Failed("bomb.zip > zeros.xml",
        "the zip member is larger than the 128.0 MiB limit"));
  }

  @Test
  void extract_zipBombMembersWithHonestSizesRefusedWithoutInflatingThem() {
    // Each member says up front that it holds 3 GiB; skipping one with ZipInputStream means
    // inflating all of it, so the reader must stop at the first instead of skipping on.
    long size = 3 * GIB;
    byte[] data = deflatedZeros(size);
    long crc = crcOfZeros(size);
    Zip zip = new Zip();
    for (int i = 1; i <= 8; i++) {
      zip.add(new Zip.Member("zeros" + i + ".xml", Zip.DEFLATED, data, crc, size, false));
    }

    ParseOutcome.Failed f = onlyFailure(extract("bomb.zip", zip.bytes()), "bomb.zip > zeros1.xml");

    assertThat(f.reason()).isEqualTo("declares 3.0 GiB uncompressed, over the 128.0 MiB limit");
  }

  @Test
  void extract_zipMemberDeclaring2GiBRefused() {
    // The local header lies: 2 GiB uncompressed, though the data inflates to 15 KiB.
    Zip.Member real = Zip.deflated("big.xml", Samples.bytes("extract_report/nice-input.xml"));
    byte[] zip = new Zip().add(real.declaring(2 * GIB)).bytes();

    ParseOutcome.Failed f = onlyFailure(extract("liar.zip", zip), "liar.zip > big.xml");

    assertThat(f.reason()).isEqualTo("declares 2.0 GiB uncompressed, over the 128.0 MiB limit");
  }

  @Test
  void extract_tenNestedZipsStopAtNestingLimit() {
    byte[] data = Samples.bytes("aggregate/empty_reason.xml");
    String member = "report.xml";
    for (int level = 1; level <= 10; level++) {
      data = new Zip().add(Zip.deflated(member, data)).bytes();
      member = "level" + level + ".zip";
    }

    ParseOutcome.Failed f = onlyFailure(extract("nested.zip", data),
        "nested.zip > level9.zip > level8.zip > level7.zip > level6.zip");

    assertThat(f.reason()).isEqualTo("containers are nested more than 4 levels deep");
  }

  @Test
  void extract_zipsNestedUpToLimitStillParse() {
    byte[] data = Samples.bytes("aggregate/empty_reason.xml");
    String member = "report.xml";
    for (int level = 1; level <= 4; level++) {
      data = new Zip().add(Zip.deflated(member, data)).bytes();
      member = "level" + level + ".zip";
    }

    List<ParseOutcome> out = extract("nested.zip", data);

    assertThat(out).singleElement().isInstanceOf(ParseOutcome.Parsed.class);
    assertThat(out.get(0).origin())
        .isEqualTo("nested.zip > level3.zip > level2.zip > level1.zip > report.xml");
  }

  @Test
  void extract_truncatedGzipFails() {
    byte[] gz = Samples.bytes("extract_report/nice-input.xml.gz");
    byte[] cut = Arrays.copyOf(gz, gz.length / 2);

    ParseOutcome.Failed f = onlyFailure(extract("cut.xml.gz", cut), "cut.xml.gz");

    assertThat(f.reason()).startsWith("is a truncated gzip stream (");
  }

  @Test
  void extract_gzipWithBadCrcFails() {
    byte[] gz = Samples.bytes("extract_report/nice-input.xml.gz").clone();
    gz[gz.length - 6] ^= 0x5A; // a CRC-32 byte in the trailer

    ParseOutcome.Failed f = onlyFailure(extract("crc.xml.gz", gz), "crc.xml.gz");

    assertThat(f.reason()).isEqualTo("is a corrupt gzip stream (CRC or length mismatch)");
  }

  @Test
  void extract_concatenatedGzipMembersAreJoined() throws Exception {
    byte[] xml = Samples.bytes("extract_report/nice-input.xml");
    int half = xml.length / 2;
    java.io.ByteArrayOutputStream two = new java.io.ByteArrayOutputStream();
    for (byte[] part : new byte[][] {Arrays.copyOf(xml, half), Arrays.copyOfRange(xml, half, xml.length)}) {
      java.io.ByteArrayOutputStream one = new java.io.ByteArrayOutputStream();
      try (java.util.zip.GZIPOutputStream g = new java.util.zip.GZIPOutputStream(one)) {
        g.write(part);
      }
      two.write(one.toByteArray());
    }
    List<ParseOutcome> out = extract("two-members.xml.gz", two.toByteArray());
    assertThat(out).singleElement().isInstanceOf(ParseOutcome.Parsed.class);
  }

  @Test
  void extract_zipWithCorruptDataFails() {
    byte[] zip = Samples.bytes("extract_report/nice-input.xml.zip").clone();
    // Overwrite compressed data just after the 44-byte local header ("nice-input.xml").
    for (int i = 60; i < 400; i++) {
      zip[i] = (byte) (i * 31);
    }

    ParseOutcome.Failed f = onlyFailure(extract("corrupt.zip", zip), "corrupt.zip > nice-input.xml");

    assertThat(f.reason()).startsWith("the zip member is corrupt or truncated: ");
  }

  @Test
  void extract_zipWithGarbageAfterSignatureFails() {
    byte[] zip = new byte[4096];
    new Random(7).nextBytes(zip);
    System.arraycopy(new byte[] {'P', 'K', 3, 4}, 0, zip, 0, 4);

    ParseOutcome.Failed f = onlyFailure(extract("garbage.zip", zip), "garbage.zip");

    assertThat(f.reason()).isEqualTo("is a corrupt zip archive: unexpected end of data");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\u001f\u008b", "PK\u0003\u0004", "<", "{", "From x\n",
      "Subject: x\n\n", "\u00ef\u00bb\u00bf<?xml version=\"1.0\"?>\n<feedback>"})
  void extract_randomGarbageFailsCleanly(String prefix) {
    byte[] garbage = new byte[256 * 1024];
    new Random(prefix.hashCode()).nextBytes(garbage);
    garbage[prefix.length()] = 0; // never a text start by chance
    byte[] head = prefix.getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(head, 0, garbage, 0, head.length);

    List<ParseOutcome> out = extract("garbage.bin", garbage);

    assertThat(out).singleElement().isInstanceOf(ParseOutcome.Failed.class);
    assertThat(out.get(0).origin()).startsWith("garbage.bin");
    assertClear(((ParseOutcome.Failed) out.get(0)).reason());
  }

  @Test
  void extract_plainGarbageNamesItsStart() {
    byte[] garbage = {0, 1, 2, 3, (byte) 0xff, 'a', 'b'};

    ParseOutcome.Failed f = onlyFailure(extract("x.bin", garbage), "x.bin");

    assertThat(f.reason()).isEqualTo("is not a recognized report format (neither XML, JSON, gzip,"
        + " zip, email nor mbox; starts with bytes 00010203ff6162)");
  }

  @Test
  void extract_zipWithThousandMembersStopsAtEntryLimit() {
    byte[] report = Samples.bytes("aggregate/!example.com!1538204542!1538463818.xml");
    Zip zip = new Zip();
    for (int i = 1; i <= 1000; i++) {
      zip.add(Zip.deflated("r" + i + ".xml", report));
    }

    List<ParseOutcome> out = extract("many.zip", zip.bytes());

    // Members are read as the archive streams by: the first 64 are reports, then it stops.
    assertThat(out).hasSize(65);
    assertThat(out.subList(0, 64)).allMatch(o -> o instanceof ParseOutcome.Parsed);
    assertThat(out.get(63).origin()).isEqualTo("many.zip > r64.xml");
    assertThat(out.get(64)).isEqualTo(new ParseOutcome.Failed("many.zip",
        "the zip archive has more than 64 members"));
  }

  @Test
  void extract_emailWithThousandsOfMimePartsFails() {
    StringBuilder mail = new StringBuilder("""
        From: reports@example.org
        Subject: many parts
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="b"

        """);
    for (int i = 0; i < 5000; i++) {
      mail.append("--b\nContent-Type: text/plain\n\npart ").append(i).append('\n');
    }
    mail.append("--b--\n");

    ParseOutcome.Failed f = onlyFailure(extract("parts.eml", ascii(mail)), "parts.eml");

    assertThat(f.reason()).isEqualTo("the email has more than 256 MIME parts");
  }

  @Test
  void extract_emailWithDeeplyNestedMultipartsFails() {
    StringBuilder mail = new StringBuilder("From: reports@example.org\nSubject: deep\n");
    int depth = 5000;
    for (int i = 0; i < depth; i++) {
      mail.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\n\n--b")
          .append(i).append('\n');
    }
    mail.append("Content-Type: text/plain\n\nhello\n");
    for (int i = depth - 1; i >= 0; i--) {
      mail.append("--b").append(i).append("--\n");
    }

    ParseOutcome.Failed f = onlyFailure(extract("deep.eml", ascii(mail)), "deep.eml");

    assertThat(f.reason()).isEqualTo("the email nests multiparts more than 50 levels deep");
  }

  @Test
  void extract_xxeInZipRefusedWhileOtherMembersParse() {
    String xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE feedback [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <feedback><report_metadata><org_name>&xxe;</org_name><email>a@b.example</email>
        <report_id>x</report_id><date_range><begin>1</begin><end>2</end></date_range>
        </report_metadata></feedback>
        """;
    String laughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
        <feedback>&lol3;</feedback>
        """;
    byte[] zip = new Zip()
        .add(Zip.deflated("first.xml", Samples.bytes("aggregate/empty_reason.xml")))
        .add(Zip.deflated("xxe.xml", xxe.getBytes(StandardCharsets.UTF_8)))
        .add(Zip.deflated("laughs.xml", laughs.getBytes(StandardCharsets.UTF_8)))
        .add(Zip.deflated("garbage.bin", new byte[] {1, 2, 3}))
        .add(Zip.deflated("last.xml.gz", Samples.bytes("extract_report/nice-input.xml.gz")))
        .bytes();

    List<ParseOutcome> out = extract("mixed.zip", zip);

    assertThat(out).extracting(ParseOutcome::origin).containsExactly("mixed.zip > first.xml",
        "mixed.zip > xxe.xml", "mixed.zip > laughs.xml", "mixed.zip > garbage.bin",
        "mixed.zip > last.xml.gz > gunzip");
    assertThat(out.get(0)).isInstanceOf(ParseOutcome.Parsed.class);
    assertThat(out.get(4)).isInstanceOf(ParseOutcome.Parsed.class);
    assertThat(((AggregateReport) ((ParseOutcome.Parsed) out.get(4)).report()).records())
        .hasSize(20);
    for (ParseOutcome o : out.subList(1, 4)) {
      assertThat(o).isInstanceOf(ParseOutcome.Failed.class);
      assertClear(((ParseOutcome.Failed) o).reason());
    }
    assertThat(((ParseOutcome.Failed) out.get(1)).reason()).contains("DOCTYPE");
    assertThat(((ParseOutcome.Failed) out.get(2)).reason()).contains("DOCTYPE");
    assertThat(out.toString()).doesNotContain("root:");
  }

  @Test
  void extract_deeplyNestedXmlFails() {
    String xml = "<feedback>" + "<a>".repeat(200_000);

    ParseOutcome.Failed f = onlyFailure(extract("deep.xml", ascii(xml)), "deep.xml");

    assertThat(f.reason()).contains("32");
  }

  @Test
  void extract_mboxOfGarbageMessagesFailsEachMessageOnce() {
    StringBuilder mbox = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      mbox.append("From x Thu Jan  1 00:00:00 2024\n\u0000\u0001garbage ").append(i).append('\n');
    }

    List<ParseOutcome> out = extract("bad.mbox", ascii(mbox));

    assertThat(out).extracting(ParseOutcome::origin)
        .containsExactly("bad.mbox > message 1", "bad.mbox > message 2", "bad.mbox > message 3");
    assertThat(out).allMatch(o -> o instanceof ParseOutcome.Failed);
  }

  @Test
  void extract_gzipBombInsideEmailAttachmentRefused() {
    byte[] bomb = gzip(deflatedZeros(GIB), crcOfZeros(GIB), GIB);
    String b64 = java.util.Base64.getMimeEncoder().encodeToString(bomb);
    String mail = """
        From: reports@example.org
        Subject: Report Domain: example.com
        MIME-Version: 1.0
        Content-Type: application/gzip; name="r.xml.gz"
        Content-Transfer-Encoding: base64

        """ + b64 + "\n";

    ParseOutcome.Failed f = onlyFailure(extract("bomb.eml", ascii(mail)),
        "bomb.eml > r.xml.gz");

    assertThat(f.reason()).isEqualTo("the gzip stream is larger than the 128.0 MiB limit");
  }

  // --- builders ------------------------------------------------------------------------------

  private static byte[] ascii(CharSequence s) {
    return s.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * A raw deflate stream of {@code n} zero bytes (n a multiple of 1 MiB), built without
   * compressing n bytes: after a full flush the compressor holds no history, so the block it emits
   * for each further MiB of zeros is the same bytes, and can be repeated.
   */
  static byte[] deflatedZeros(long n) {
    assertThat(n % MIB).isZero();
    Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
    byte[] buf = new byte[64 * 1024];
    d.setInput(new byte[(int) MIB]);
    int len = d.deflate(buf, 0, buf.length, Deflater.FULL_FLUSH);
    assertThat(d.needsInput()).isTrue();
    byte[] segment = Arrays.copyOf(buf, len);
    d.finish();
    int end = d.deflate(buf);
    d.end();
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) (n / MIB * len + end));
    for (long i = 0; i < n / MIB; i++) {
      out.writeBytes(segment);
    }
    out.write(buf, 0, end);
    return out.toByteArray();
  }

  static long crcOfZeros(long n) {
    CRC32 crc = new CRC32();
    byte[] zeros = new byte[(int) MIB];
    for (long i = 0; i < n / MIB; i++) {
      crc.update(zeros);
    }
    return crc.getValue();
  }

  /** RFC 1952 member around a raw deflate stream. */
  static byte[] gzip(byte[] deflate, long crc, long size) {
    ByteBuffer b = ByteBuffer.allocate(10 + deflate.length + 8).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 2, 3});
    b.put(deflate);
    b.putInt((int) crc);
    b.putInt((int) size);
    return b.array();
  }

  /**
   * A zip writer that states whatever sizes it is told (java.util.zip.ZipOutputStream checks them,
   * which is the point here). Local headers, data, optional data descriptors, central directory.
   */
  static final class Zip {
    static final int STORED = 0;
    static final int DEFLATED = 8;

    /**
     * @param size the uncompressed size the headers declare
     * @param descriptor sizes and CRC in a data descriptor after the data (flag bit 3), zeros in
     *     the local header
     */
    record Member(String name, int method, byte[] data, long crc, long size, boolean descriptor) {
      Member declaring(long declaredSize) {
        return new Member(name, method, data, crc, declaredSize, descriptor);
      }
    }

    private final List<Member> members = new ArrayList<>();

    static Member deflated(String name, byte[] content) {
      Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
      d.setInput(content);
      d.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      while (!d.finished()) {
        out.write(buf, 0, d.deflate(buf));
      }
      d.end();
      CRC32 crc = new CRC32();
      crc.update(content);
      return new Member(name, DEFLATED, out.toByteArray(), crc.getValue(), content.length, false);
    }

    Zip add(Member m) {
      members.add(m);
      return this;
    }

    byte[] bytes() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      List<Integer> offsets = new ArrayList<>();
      for (Member m : members) {
        offsets.add(out.size());
        byte[] name = m.name().getBytes(StandardCharsets.UTF_8);
        ByteBuffer h = le(30 + name.length);
        h.putInt(0x04034b50).putShort((short) 20).putShort((short) (m.descriptor() ? 8 : 0))
            .putShort((short) m.method()).putShort((short) 0).putShort((short) 0x21);
        if (m.descriptor()) {
          h.putInt(0).putInt(0).putInt(0);
        } else {
          h.putInt((int) m.crc()).putInt(m.data().length).putInt((int) m.size());
        }
        h.putShort((short) name.length).putShort((short) 0).put(name);
        out.writeBytes(h.array());
        out.writeBytes(m.data());
        if (m.descriptor()) {
          out.writeBytes(le(16).putInt(0x08074b50).putInt((int) m.crc())
              .putInt(m.data().length).putInt((int) m.size()).array());
        }
      }
      int cdStart = out.size();
      for (int i = 0; i < members.size(); i++) {
        Member m = members.get(i);
        byte[] name = m.name().getBytes(StandardCharsets.UTF_8);
        out.writeBytes(le(46 + name.length).putInt(0x02014b50).putShort((short) 20)
            .putShort((short) 20).putShort((short) (m.descriptor() ? 8 : 0))
            .putShort((short) m.method()).putShort((short) 0).putShort((short) 0x21)
            .putInt((int) m.crc()).putInt(m.data().length).putInt((int) m.size())
            .putShort((short) name.length).putShort((short) 0).putShort((short) 0)
            .putShort((short) 0).putShort((short) 0).putInt(0).putInt(offsets.get(i)).put(name)
            .array());
      }
      int cdSize = out.size() - cdStart;
      out.writeBytes(le(22).putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
          .putShort((short) members.size()).putShort((short) members.size()).putInt(cdSize)
          .putInt(cdStart).putShort((short) 0).array());
      return out.toByteArray();
    }

    private static ByteBuffer le(int size) {
      return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
  }
}
