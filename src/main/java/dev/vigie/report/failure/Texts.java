package dev.vigie.report.failure;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Bytes to text for report parts, whose declared charsets are often missing or wrong. */
final class Texts {
  private Texts() {}

  /**
   * Decodes strict UTF-8 first (US-ASCII is a subset, and most undeclared 8-bit text is UTF-8),
   * then the declared charset, then ISO-8859-1, which maps every byte and so never fails. Line
   * endings become LF so CRLF and LF copies of one message read the same.
   */
  static String decode(byte[] bytes, @Nullable String charset, String what, List<String> warnings) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      Charset declared = charset(charset);
      if (declared != null && !declared.equals(StandardCharsets.UTF_8)
          && !declared.equals(StandardCharsets.US_ASCII)) {
        text = new String(bytes, declared);
      } else {
        text = new String(bytes, StandardCharsets.ISO_8859_1);
        warnings.add(what + " is not valid UTF-8 and declares no other usable charset;"
            + " read as ISO-8859-1");
      }
    }
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }

  private static @Nullable Charset charset(@Nullable String name) {
    if (name == null) {
      return null;
    }
    try {
      return Charset.forName(name.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The value cut to {@code max} characters, with a warning naming the field when cut. */
  static @Nullable String bounded(@Nullable String value, int max, String what, List<String> warnings) {
    if (value == null || value.length() <= max) {
      return value;
    }
    warnings.add(what + " is longer than " + max + " characters; truncated");
    return value.substring(0, max);
  }
}
