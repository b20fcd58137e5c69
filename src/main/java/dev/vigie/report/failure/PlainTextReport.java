package dev.vigie.report.failure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The plain-text failure summary Exim (and cPanel, which ships it) sends instead of ARF:
 * "A message claiming to be from you has failed the published DMARC policy…", a few
 * "Key: value" lines, then a "------" line and the headers it received. No RFC 6591 part.
 *
 * @param fields what the summary says, as ARF fields
 * @param sample the header copy after the "------" line, or "" when there is none
 */
record PlainTextReport(ArfFields fields, String sample) {
  static final String MARKER = "A message claiming to be from you has failed";
  private static final Pattern LINE = Pattern.compile("^\\s*([A-Za-z][A-Za-z ]{0,40}):[ \\t]*(.*)$");

  static boolean matches(String text) {
    return text.contains(MARKER);
  }

  static PlainTextReport read(String text, int maxField, List<String> warnings) {
    warnings.add("no message/feedback-report part (RFC 6591): read the plain-text summary;"
        + " feedback_type and auth_failure inferred from its wording");
    Map<String, String> kv = new HashMap<>();
    String sample = "";
    int pos = text.indexOf(MARKER);
    for (String line : text.substring(pos).split("\n", -1)) {
      pos += line.length() + 1;
      if (line.startsWith("------")) {
        sample = pos >= text.length() ? "" : text.substring(pos).stripLeading();
        break;
      }
      Matcher m = LINE.matcher(line);
      if (m.matches()) {
        kv.putIfAbsent(m.group(1).strip().toLowerCase(Locale.ROOT),
            Texts.bounded(m.group(2).strip(), maxField, m.group(1).strip(), warnings));
      }
    }
    if (sample.isEmpty()) {
      warnings.add("the plain-text report holds no copy of the original headers");
    }
    String received = kv.get("received date");
    String ip = kv.get("sender ip address");
    String domain = kv.get("sender domain");
    if (ip == null) {
      warnings.add("the plain-text report gives no Sender IP Address");
    }
    if (domain == null) {
      warnings.add("the plain-text report gives no Sender Domain");
    }
    List<String> aligned = new ArrayList<>();
    if (yes(kv.get("spf alignment"))) {
      aligned.add("spf");
    }
    if (yes(kv.get("dkim alignment"))) {
      aligned.add("dkim");
    }
    ArfFields f = new ArfFields("auth-failure", null, null, null, null, null,
        MailDates.parse(received), received, null, null, List.of("dmarc"), List.copyOf(aligned),
        null, ArfFields.domain(domain), null, ArfFields.sourceIp(ip, warnings));
    return new PlainTextReport(f, sample);
  }

  private static boolean yes(@Nullable String v) {
    return v != null && (v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("pass"));
  }
}
