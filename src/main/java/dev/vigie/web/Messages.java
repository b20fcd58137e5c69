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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
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
    String s = own.getProperty(key);
    if (s == null && fallback != null) {
      s = fallback.getProperty(key);
    }
    if (s == null) {
      return key;
    }
    for (int i = 0; i < args.length; i++) {
      s = s.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return s;
  }

  /** Whether this language or English has a text for {@code key}. */
  public boolean has(String key) {
    return own.getProperty(key) != null || (fallback != null && fallback.getProperty(key) != null);
  }

  /**
   * A finding's sentence ({@code part} "" for the summary, ".fix" for the fix) in this language,
   * quoting {@code args}; the check's own English text when the bundle lacks it or the stored
   * finding predates its arguments (a placeholder would be left unfilled).
   */
  public @Nullable String finding(String code, String part, List<String> args,
      @Nullable String english) {
    String key = "finding." + code + part;
    String s = own.getProperty(key);
    if (s == null && fallback != null) {
      s = fallback.getProperty(key);
    }
    if (s == null) {
      return english;
    }
    // one pass, so that an argument read from DNS that looks like "{1}" stays as it is
    boolean[] unfilled = {false};
    String text = PLACEHOLDER.matcher(s).replaceAll(m -> {
      int i = Integer.parseInt(m.group(1));
      if (i < args.size()) {
        return Matcher.quoteReplacement(args.get(i));
      }
      unfilled[0] = true;
      return "";
    });
    return unfilled[0] ? english : text;
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
