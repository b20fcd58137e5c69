package dev.vigie.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Every user-facing text, from {@code messages_<lang>.properties} (UTF-8). A key missing in French
 * falls back to English; a missing English key shows as the key itself (and the bundle test fails).
 * Placeholders are {@code {0}}, {@code {1}}…, substituted literally (no MessageFormat quoting, so
 * French apostrophes need no escaping).
 */
public final class Messages {
  public static final List<String> LANGUAGES = List.of("en", "fr");
  /** The finding texts, one bundle per check ({@code findings/<area>_<lang>.properties}). */
  static final List<String> FINDING_AREAS =
      List.of("bimi", "dkim", "dmarc", "dnssec", "mtasts", "mx", "spf", "tlsrpt");
  private static final Map<String, Messages> ALL = Map.of("en", new Messages("en", load("en"), null),
      "fr", new Messages("fr", load("fr"), load("en")));

  private final String lang;
  private final Properties own;
  private final @Nullable Properties fallback;
  private final Locale locale;
  private final java.text.DecimalFormatSymbols symbols;

  private Messages(String lang, Properties own, @Nullable Properties fallback) {
    this.lang = lang;
    this.own = own;
    this.fallback = fallback;
    this.locale = Locale.forLanguageTag(lang);
    this.symbols = java.text.DecimalFormatSymbols.getInstance(locale);
  }

  public static Messages of(@Nullable String lang) {
    Messages m = lang == null ? null : ALL.get(lang.toLowerCase(Locale.ROOT));
    return m != null ? m : ALL.get("en");
  }

  /** Whether a language code is one Vigie ships. */
  public static boolean supported(@Nullable String lang) {
    return lang != null && ALL.containsKey(lang);
  }

  public String lang() {
    return lang;
  }

  public Locale locale() {
    return locale;
  }

  /** A count as the reader writes it: 12,345 / 12 345 (String.format's "%,d"). */
  public String num(long n) {
    String digits = Long.toString(Math.abs(n));
    StringBuilder b = new StringBuilder(digits.length() + 8);
    if (n < 0) {
      b.append(symbols.getMinusSign());
    }
    int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
    b.append(digits, 0, lead);
    for (int i = lead; i < digits.length(); i += 3) {
      b.append(symbols.getGroupingSeparator()).append(digits, i, i + 3);
    }
    return b.toString();
  }

  /** A percentage with one decimal: 97.5 % / 97,5 % (String.format's "%.1f %%"). */
  public String pct(double p) {
    if (Double.isNaN(p) || Double.isInfinite(p)) {
      return String.format(locale, "%.1f %%", p);
    }
    long tenths = Math.round(Math.abs(p) * 10);
    return (p < 0 && tenths > 0 ? String.valueOf(symbols.getMinusSign()) : "")
        + (tenths / 10) + symbols.getDecimalSeparator() + (tenths % 10) + " %";
  }

  public String get(String key, Object... args) {
    String s = text(key);
    return s == null ? key : fill(s, java.util.Arrays.asList(args), false);
  }

  /**
   * The text of {@code key} quoting {@code args}, or {@code otherwise} (a stored English text)
   * when no bundle has it or it quotes an argument that was not given — never a half-filled
   * sentence. For finding and DNS-change texts, which older stored results lack arguments for.
   */
  public @Nullable String getOr(String key, List<?> args, @Nullable String otherwise) {
    String s = text(key);
    String filled = s == null ? null : fill(s, args, true);
    return filled == null ? otherwise : filled;
  }

  /** A finding's sentence ({@code part} "") or fix ({@code part} ".fix"): see {@link #getOr}. */
  public @Nullable String finding(String code, String part, List<String> args,
      @Nullable String english) {
    return getOr("finding." + code + part, args, english);
  }

  private @Nullable String text(String key) {
    String s = own.getProperty(key);
    return s == null && fallback != null ? fallback.getProperty(key) : s;
  }

  /**
   * Replaces {0}, {1}… in one pass, so that an argument which itself looks like a placeholder (a
   * value read from DNS, a client's name) is quoted as it is. A placeholder beyond the arguments
   * stays as written, or makes the result null when {@code strict}.
   */
  private static @Nullable String fill(String s, List<?> args, boolean strict) {
    int open = s.indexOf('{');
    if (open < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 32);
    int from = 0;
    while (open >= 0) {
      int close = s.indexOf('}', open);
      int i = close > open + 1 ? index(s, open + 1, close) : -1;
      if (i < 0) {
        b.append(s, from, open + 1); // not a placeholder: keep the brace
        from = open + 1;
      } else {
        if (i >= args.size() && strict) {
          return null;
        }
        b.append(s, from, open)
            .append(i < args.size() ? String.valueOf(args.get(i)) : s.substring(open, close + 1));
        from = close + 1;
      }
      open = s.indexOf('{', from);
    }
    return b.append(s, from, s.length()).toString();
  }

  /** The number between the braces, or -1 when it is not all digits. */
  private static int index(String s, int from, int to) {
    int n = 0;
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      if (c < '0' || c > '9' || n > 1000) {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  static Properties load(String lang) {
    Properties p = new Properties();
    read(p, "/dev/vigie/web/messages_" + lang + ".properties");
    for (String area : FINDING_AREAS) {
      read(p, "/dev/vigie/web/findings/" + area + "_" + lang + ".properties");
    }
    return p;
  }

  private static void read(Properties p, String name) {
    try (InputStream in = Messages.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the jar");
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** For the bundle test. */
  static Properties bundle(String lang) {
    return load(lang);
  }
}
