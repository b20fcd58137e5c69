package dev.vigie.report.failure;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads RFC 5322 §3.3 date-times the way reporters actually write them: day-of-week optional,
 * one-digit days, doubled spaces, a trailing "(CEST)" comment, obsolete zone names and two-digit
 * years (§4.3), and as a last resort ISO 8601 / RFC 3339.
 */
final class MailDates {
  private static final Pattern RFC5322 = Pattern.compile(
      "(?:[A-Za-z]{3,9}\\s*,\\s*)?(\\d{1,2})[\\s-]+([A-Za-z]{3,9})[\\s-]+(\\d{2,4})\\s+"
          + "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?\\s*([+-]\\d{4}|[A-Za-z]{1,5})?.*",
      Pattern.DOTALL);
  private static final String[] MONTHS =
      {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  /** RFC 5322 §4.3 obsolete zones; military letters other than Z are read as UTC, per §4.3. */
  private static final Map<String, Integer> ZONES = Map.ofEntries(
      Map.entry("ut", 0), Map.entry("utc", 0), Map.entry("gmt", 0), Map.entry("z", 0),
      Map.entry("est", -5), Map.entry("edt", -4), Map.entry("cst", -6), Map.entry("cdt", -5),
      Map.entry("mst", -7), Map.entry("mdt", -6), Map.entry("pst", -8), Map.entry("pdt", -7));

  private MailDates() {}

  /** The instant the text names, or null when it is not a date this reader understands. */
  static @Nullable Instant parse(@Nullable String text) {
    if (text == null || text.isBlank() || text.length() > 200) {
      return null;
    }
    String s = text.strip();
    try {
      Matcher m = RFC5322.matcher(s);
      if (m.matches()) {
        return rfc5322(m);
      }
      return iso(s);
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static @Nullable Instant rfc5322(Matcher m) {
    int month = month(m.group(2));
    if (month == 0) {
      return null;
    }
    int year = Integer.parseInt(m.group(3));
    if (m.group(3).length() == 2) {
      year += year >= 50 ? 1900 : 2000;
    } else if (m.group(3).length() == 3) {
      year += 1900;
    }
    int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
    LocalDateTime local = LocalDateTime.of(year, month, Integer.parseInt(m.group(1)),
        Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), second == 60 ? 59 : second);
    return local.toInstant(zone(m.group(7)));
  }

  private static int month(String name) {
    String p = name.substring(0, 3).toLowerCase(Locale.ROOT);
    for (int i = 0; i < MONTHS.length; i++) {
      if (MONTHS[i].equals(p)) {
        return i + 1;
      }
    }
    return 0;
  }

  private static ZoneOffset zone(@Nullable String z) {
    if (z == null) {
      return ZoneOffset.UTC;
    }
    if (z.charAt(0) == '+' || z.charAt(0) == '-') {
      int sign = z.charAt(0) == '-' ? -1 : 1;
      int hh = Integer.parseInt(z.substring(1, 3));
      int mm = Integer.parseInt(z.substring(3, 5));
      return ZoneOffset.ofHoursMinutes(sign * hh, sign * mm);
    }
    return ZoneOffset.ofHours(ZONES.getOrDefault(z.toLowerCase(Locale.ROOT), 0));
  }

  private static @Nullable Instant iso(String s) {
    String u = s.toUpperCase(Locale.ROOT).replace(' ', 'T');
    if (u.length() < 16 || u.charAt(4) != '-' || u.charAt(10) != 'T') {
      return null;
    }
    if (u.endsWith("Z") || u.matches(".*[+-]\\d{2}:?\\d{2}$")) {
      return OffsetDateTime.parse(u.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2")).toInstant();
    }
    return LocalDateTime.parse(u).toInstant(ZoneOffset.UTC);
  }
}
