package dev.vigie.report.tlsrpt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigie.report.InvalidReportException;
import dev.vigie.report.ParseLimits;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Maps the RFC 8460 §4.4 JSON tree to records: strict on structure, lenient on small slips. */
final class TlsJson {
  private static final Set<String> POLICY_TYPES = Set.of("tlsa", "sts", "no-policy-found");

  private final ParseLimits limits;
  private final List<String> warnings = new ArrayList<>();
  private int entries;

  TlsJson(ParseLimits limits) {
    this.limits = limits;
  }

  TlsReport report(JsonNode root, String origin) {
    String org = requiredText(root, "organization-name", "");
    JsonNode range = root.get("date-range");
    if (range == null || !range.isObject()) {
      throw invalid(range == null ? "the required field date-range is missing"
          : "date-range must be an object, not " + describe(range));
    }
    Instant begin = date(requiredText(range, "start-datetime", "date-range."), "start-datetime");
    Instant end = date(requiredText(range, "end-datetime", "date-range."), "end-datetime");
    if (end.isBefore(begin)) {
      warnings.add("date-range ends (" + end + ") before it starts (" + begin + ")");
    }
    String contact = contact(root.get("contact-info"));
    String id = requiredText(root, "report-id", "");
    JsonNode list = root.get("policies");
    if (list == null || !list.isArray()) {
      throw invalid(list == null ? "the required field policies is missing"
          : "policies must be an array, not " + describe(list));
    }
    List<TlsPolicy> policies = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      policies.add(policy(list.get(i), "policies[" + i + "]"));
    }
    if (policies.isEmpty()) {
      warnings.add("the report lists no policies");
    }
    return new TlsReport(origin, warnings, org, begin, end, contact, id, policies);
  }

  private TlsPolicy policy(JsonNode p, String at) {
    count(at);
    JsonNode pol = object(p, "policy", at);
    JsonNode sum = object(p, "summary", at);
    String domain = requiredText(pol, "policy-domain", at + ".policy.");
    String type = requiredText(pol, "policy-type", at + ".policy.").toLowerCase(Locale.ROOT);
    if (!POLICY_TYPES.contains(type)) {
      warnings.add(at + " policy-type \"" + type + "\" is not tlsa, sts or no-policy-found"
          + " (RFC 8460 §4.3)");
    }
    List<String> mx = new ArrayList<>(strings(pol.get("mx-host-pattern"), at + " mx-host-pattern"));
    // The RFC 8460 §4.4 example writes "mx-host", a single string.
    mx.addAll(strings(pol.get("mx-host"), at + " mx-host"));
    long ok = count(sum, "total-successful-session-count", at + ".summary");
    long failed = count(sum, "total-failure-session-count", at + ".summary");
    List<TlsFailureDetail> details = new ArrayList<>();
    JsonNode fd = p.get("failure-details");
    if (fd != null && !fd.isNull()) {
      if (!fd.isArray()) {
        throw invalid(at + " failure-details must be an array, not " + describe(fd));
      }
      long sumOfDetails = 0;
      for (int i = 0; i < fd.size(); i++) {
        TlsFailureDetail d = detail(fd.get(i), at + ".failure-details[" + i + "]");
        sumOfDetails += d.failedSessionCount();
        details.add(d);
      }
      if (sumOfDetails != failed) {
        warnings.add(at + " summary counts " + failed + " failed sessions but its failure-details"
            + " add up to " + sumOfDetails);
      }
    }
    return new TlsPolicy(domain, type, strings(pol.get("policy-string"), at + " policy-string"),
        mx, ok, failed, details);
  }

  private TlsFailureDetail detail(JsonNode d, String at) {
    count(at);
    if (!d.isObject()) {
      throw invalid(at + " must be an object, not " + describe(d));
    }
    String uri = text(d, "additional-info-uri", at);
    if (uri == null) {
      uri = text(d, "additional-information", at); // the RFC 8460 §4.4 example's name
    }
    return new TlsFailureDetail(requiredText(d, "result-type", at + "."),
        count(d, "failed-session-count", at), text(d, "sending-mta-ip", at),
        text(d, "receiving-ip", at), text(d, "receiving-mx-hostname", at),
        text(d, "receiving-mx-helo", at), uri, text(d, "failure-reason-code", at));
  }

  private void count(String at) {
    if (++entries > limits.maxRecords()) {
      throw invalid("the report has more than " + limits.maxRecords()
          + " policies and failure details (at " + at + ")");
    }
  }

  private static JsonNode object(JsonNode parent, String name, String at) {
    JsonNode n = parent.isObject() ? parent.get(name) : null;
    if (n == null || !n.isObject()) {
      throw invalid(at + (parent.isObject() ? "" : " is not an object, so it") + " has no " + name
          + " object");
    }
    return n;
  }

  private String requiredText(JsonNode parent, String name, String at) {
    String v = text(parent, name, at);
    if (v == null || v.isBlank()) {
      throw invalid("the required field " + at + name + " is missing or empty");
    }
    return v;
  }

  private @Nullable String text(JsonNode parent, String name, String at) {
    JsonNode n = parent.get(name);
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isTextual()) {
      return n.textValue().strip();
    }
    if (n.isNumber() || n.isBoolean()) {
      warnings.add(at + " " + name + " is a " + describe(n) + ", read as text");
      return n.asText();
    }
    throw invalid(at + " " + name + " must be a string, not " + describe(n));
  }

  private @Nullable String contact(@Nullable JsonNode n) {
    if (n == null || n.isNull() || (n.isTextual() && n.textValue().isBlank())) {
      warnings.add("the report gives no contact-info");
      return null;
    }
    if (n.isArray()) {
      warnings.add("contact-info is a list, not a string; joined");
      return String.join(", ", strings(n, "contact-info"));
    }
    if (!n.isTextual()) {
      throw invalid("contact-info must be a string, not " + describe(n));
    }
    return n.textValue().strip();
  }

  /** A string list, or one string where a list belongs (warned). Empty when absent. */
  private List<String> strings(@Nullable JsonNode n, String what) {
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (n.isTextual()) {
      return List.of(n.textValue().strip());
    }
    if (!n.isArray()) {
      throw invalid(what + " must be a string list, not " + describe(n));
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : n) {
      if (!e.isTextual()) {
        throw invalid(what + " must hold only strings, not " + describe(e));
      }
      out.add(e.textValue());
    }
    return out;
  }

  /** A non-negative integer; a string of digits is accepted with a warning. */
  private long count(JsonNode parent, String name, String at) {
    JsonNode n = parent.get(name);
    if (n == null || n.isNull()) {
      throw invalid("the required field " + at + " " + name + " is missing");
    }
    if (n.isIntegralNumber() && n.canConvertToLong() && n.longValue() >= 0) {
      return n.longValue();
    }
    if (n.isTextual() && n.textValue().strip().matches("\\d{1,18}")) {
      warnings.add(at + " " + name + " is a string, read as a number");
      return Long.parseLong(n.textValue().strip());
    }
    throw invalid(at + " " + name + " must be a non-negative integer, not " + n);
  }

  /** RFC 3339 date-time (RFC 8460 §4.4); a missing offset is read as UTC with a warning. */
  private Instant date(String s, String name) {
    String u = s.toUpperCase(Locale.ROOT).replace(' ', 'T');
    try {
      if (u.endsWith("Z") || u.matches(".*T.*[+-]\\d{2}:?\\d{2}$")) {
        return OffsetDateTime.parse(u.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2")).toInstant();
      }
      Instant local = LocalDateTime.parse(u).toInstant(ZoneOffset.UTC);
      warnings.add("date-range " + name + " \"" + s + "\" has no UTC offset; read as UTC");
      return local;
    } catch (DateTimeException e) {
      throw invalid("date-range " + name + " \"" + s + "\" is not an RFC 3339 date-time");
    }
  }

  static String describe(JsonNode n) {
    return switch (n.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> n.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  private static InvalidReportException invalid(String message) {
    return new InvalidReportException(message);
  }
}
