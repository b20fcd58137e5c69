package dev.vigie.ingest.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SmtpInputTest {
  static SmtpInput input(String bytes) {
    return new SmtpInput(new ByteArrayInputStream(bytes.getBytes(StandardCharsets.ISO_8859_1)),
        () -> { });
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  @Test
  void readLine_crlfAndBareLf() throws Exception {
    SmtpInput in = input("EHLO a\r\nNOOP\nQUIT\r\r\ntail");
    assertThat(in.readLine(998)).isEqualTo("EHLO a");
    assertThat(in.readLine(998)).isEqualTo("NOOP");
    assertThat(in.readLine(998)).isEqualTo("QUIT\r"); // a stray CR stays, and fails as a verb
    assertThat(in.readLine(998)).isNull(); // no line ending before the end: the client left
  }

  @Test
  void readLine_tooLongIsDiscardedThenReadingGoesOn() throws Exception {
    SmtpInput in = input("x".repeat(1000) + "\r\n" + "y".repeat(998) + "\r\nNOOP\r\n");
    assertThatThrownBy(() -> in.readLine(998)).isInstanceOf(SmtpInput.LineTooLongException.class);
    assertThat(in.readLine(998)).hasSize(998);
    assertThat(in.readLine(998)).isEqualTo("NOOP");
  }

  @Test
  void readData_dotUnstuffingPerRfc5321Section4_5_2() throws Exception {
    SmtpInput in = input("..one\r\n...\r\n.x\r\nmid.dle\r\n. \r\n.\r\nNOOP\r\n");
    assertThat(text(in.readData(1000))).isEqualTo(".one\r\n..\r\nx\r\nmid.dle\r\n \r\n");
    assertThat(in.readLine(998)).isEqualTo("NOOP");
  }

  @Test
  void readData_emptyMessage() throws Exception {
    assertThat(input(".\r\n").readData(10)).isEmpty();
  }

  @Test
  void readData_onlyCrlfDotCrlfEnds() throws Exception {
    SmtpInput in = input("a\n.\nb\r.\rc\r\n.\rd\r\n.\n\r\n.\r\n");
    assertThat(text(in.readData(1000))).isEqualTo("a\n.\nb\r.\rc\r\n\rd\r\n\n\r\n");
  }

  @Test
  void readData_binaryBytesKeptAsSent() throws Exception {
    byte[] raw = new byte[256];
    for (int i = 0; i < 256; i++) {
      raw[i] = (byte) i;
    }
    String body = new String(raw, StandardCharsets.ISO_8859_1).replace("\r", "").replace("\n", "");
    assertThat(text(input(body + "\r\n.\r\n").readData(1000))).isEqualTo(body + "\r\n");
  }

  @Test
  void readData_overLimitReturnsNullAfterDrainingToTheEnd() throws Exception {
    SmtpInput in = input("12345\r\n678\r\n.\r\nNOOP\r\n");
    assertThat(in.readData(9)).isNull();
    assertThat(in.readLine(998)).isEqualTo("NOOP");
    assertThat(input("1234\r\n6\r\n.\r\n").readData(9)).hasSize(9);
  }

  @Test
  void readData_largeMessageDoesNotBufferPastTheLimit() throws Exception {
    long[] served = {0};
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        return -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (served[0] >= 50_000_000L) {
          byte[] end = "\r\n.\r\n".getBytes(StandardCharsets.US_ASCII);
          System.arraycopy(end, 0, b, off, end.length);
          served[0] = Long.MIN_VALUE;
          return end.length;
        }
        java.util.Arrays.fill(b, off, off + len, (byte) 'z');
        served[0] += len;
        return len;
      }
    };
    long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    assertThat(new SmtpInput(endless, () -> { }).readData(1024)).isNull();
    long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    assertThat(after - before).isLessThan(40_000_000L); // 50 MB went by, far less was kept
  }

  @Test
  void readData_closedBeforeTheEnd() {
    assertThatThrownBy(() -> input("Subject: cut\r\n").readData(100))
        .isInstanceOf(EOFException.class);
  }
}
