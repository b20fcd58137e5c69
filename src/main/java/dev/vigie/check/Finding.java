package dev.vigie.check;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One result of a posture check, written for both of its readers.
 *
 * <p>The English {@code summary} and {@code fix} are what the CLI prints; the web app shows the
 * reader's language instead, from the bundle texts {@code finding.<code>} and
 * {@code finding.<code>.fix}, whose placeholders {@code {0}}, {@code {1}}… take {@code args}
 * in order (the domain, a count, the record to publish…).
 *
 * @param code stable identifier, e.g. {@code spf.too-many-lookups}; alerts, history and message
 *     bundles key on it, so it never changes once released
 * @param summary one plain-language sentence for the business owner
 * @param detail the technical detail for the technician (records, counts, RFC section)
 * @param fix what to do, with the exact record to publish where one must change; null when there
 *     is nothing to do
 * @param args the values the translated summary and fix quote, in placeholder order
 */
public record Finding(
    String code, Severity severity, String summary, String detail, @Nullable String fix,
    List<String> args) {

  public Finding {
    args = List.copyOf(args);
  }

  /** A finding whose translated texts quote nothing. */
  public Finding(
      String code, Severity severity, String summary, String detail, @Nullable String fix) {
    this(code, severity, summary, detail, fix, List.of());
  }
}
