package dev.vigie.dns.psl;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Domain-name hygiene shared by the DMARC and DKIM checks: lower-case, no trailing dot, and the
 * RFC 1035 §2.3.4 limits (labels of 1 to 63 octets, 253 characters in all), so a hostile name
 * never reaches DNS.
 */
public final class DomainNames {

  public static final int MAX_NAME_LENGTH = 253;
  public static final int MAX_LABEL_LENGTH = 63;

  private DomainNames() {}

  /**
   * The name lower-cased and without one trailing dot, or null when it is not a usable DNS name.
   * Letters, digits, hyphens and underscores are allowed in labels (underscores for {@code _dmarc}
   * and similar service names, RFC 8552); so are U-labels, left as they are.
   */
  public static @Nullable String normalise(@Nullable String name) {
    if (name == null) {
      return null;
    }
    String n = name.strip();
    if (n.endsWith(".")) {
      n = n.substring(0, n.length() - 1);
    }
    if (n.isEmpty() || n.length() > MAX_NAME_LENGTH) {
      return null;
    }
    int labelLength = 0;
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (c == '.') {
        if (labelLength == 0) {
          return null;
        }
        labelLength = 0;
        continue;
      }
      if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
        return null;
      }
      labelLength++;
      if (labelLength > MAX_LABEL_LENGTH) {
        return null;
      }
    }
    return n.toLowerCase(Locale.ROOT);
  }

  /** Like {@link #normalise} but also requires a host name: at least two labels, none with '_'. */
  public static @Nullable String normaliseHost(@Nullable String name) {
    String n = normalise(name);
    if (n == null || n.indexOf('.') < 0 || n.indexOf('_') >= 0) {
      return null;
    }
    for (String label : n.split("\\.")) {
      if (label.startsWith("-") || label.endsWith("-")) {
        return null;
      }
    }
    return n;
  }

  /** The number of labels in a normalised name: 3 for {@code mail.example.com}. */
  public static int labelCount(String normalisedName) {
    int count = 1;
    for (int i = 0; i < normalisedName.length(); i++) {
      if (normalisedName.charAt(i) == '.') {
        count++;
      }
    }
    return count;
  }

  /** The last {@code labels} labels of a normalised name: (mail.example.com, 2) is example.com. */
  public static String lastLabels(String normalisedName, int labels) {
    int seen = 0;
    for (int i = normalisedName.length() - 1; i >= 0; i--) {
      if (normalisedName.charAt(i) == '.' && ++seen == labels) {
        return normalisedName.substring(i + 1);
      }
    }
    return normalisedName;
  }

  /** True when {@code name} equals {@code domain} or lies below it (both normalised). */
  public static boolean isAtOrBelow(String name, String domain) {
    return name.equals(domain) || name.endsWith("." + domain);
  }
}
