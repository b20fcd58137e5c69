package dev.vigie.report.output;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * ISO-8601 UTC to the second ("2018-09-29T07:02:22Z"), with a two-entry cache: records repeat
 * their report's dates, written in pairs (begin, end), which a one-entry cache missed every time.
 */
public final class Timestamps {
  private long lastSecond = Long.MIN_VALUE;
  private String last = "";
  private long otherSecond = Long.MIN_VALUE;
  private String other = "";

  public String format(Instant t) {
    long s = t.getEpochSecond();
    if (s == otherSecond) {
      long ls = lastSecond;
      String l = last;
      lastSecond = otherSecond;
      last = other;
      otherSecond = ls;
      other = l;
    } else if (s != lastSecond) {
      otherSecond = lastSecond;
      other = last;
      LocalDateTime d = LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC);
      StringBuilder b = new StringBuilder(20);
      pad(b, d.getYear(), 4).append('-');
      pad(b, d.getMonthValue(), 2).append('-');
      pad(b, d.getDayOfMonth(), 2).append('T');
      pad(b, d.getHour(), 2).append(':');
      pad(b, d.getMinute(), 2).append(':');
      pad(b, d.getSecond(), 2).append('Z');
      last = b.toString();
      lastSecond = s;
    }
    return last;
  }

  private static StringBuilder pad(StringBuilder b, int v, int width) {
    String s = Integer.toString(v);
    for (int i = s.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(s);
  }
}
