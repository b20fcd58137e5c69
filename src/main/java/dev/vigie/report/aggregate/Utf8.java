package dev.vigie.report.aggregate;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Decodes UTF-8 text, replacing invalid bytes and saying so, instead of failing the report. */
final class Utf8 {
  private Utf8() {}

  static String decode(byte[] b, int from, int to, String field, List<String> warnings) {
    CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer chars = strict.decode(ByteBuffer.wrap(b, from, to - from));
      return chars.toString();
    } catch (CharacterCodingException e) {
      String s = new String(b, from, to - from, StandardCharsets.UTF_8);
      warnings.add("invalid UTF-8 in <" + field + "> replaced with U+FFFD: \"" + s + "\"");
      return s;
    }
  }
}
