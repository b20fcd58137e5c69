package dev.vigie.dns.dmarc;

import java.util.Locale;
import java.util.regex.Pattern;

/** Sorting the TXT strings found at a {@code _dmarc} name. */
final class TxtRecords {

  /**
   * Anything that looks meant as DMARC, including wrong case and stray whitespace, so the parser
   * can explain what is wrong with it rather than calling it unrelated.
   */
  private static final Pattern DMARC_LIKE =
      Pattern.compile("\\s*v\\s*=\\s*dmarc1.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private TxtRecords() {}

  static boolean looksLikeDmarc(String txt) {
    // Only the start matters; bound the work on hostile records.
    String head = txt.length() > 64 ? txt.substring(0, 64) : txt;
    return DMARC_LIKE.matcher(head).matches();
  }

  static boolean looksLikeSpf(String txt) {
    String t = txt.strip().toLowerCase(Locale.ROOT);
    return t.equals("v=spf1") || t.startsWith("v=spf1 ");
  }
}
