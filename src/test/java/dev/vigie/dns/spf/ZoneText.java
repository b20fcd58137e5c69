package dev.vigie.dns.spf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A suite scenario's zone data as BIND zone-file text for the root zone, absolute names. */
final class ZoneText {
  private ZoneText() {}

  static String of(Map<String, List<Object>> zoneData) {
    StringBuilder z = new StringBuilder();
    for (Map.Entry<String, List<Object>> e : zoneData.entrySet()) {
      String owner = absolute(e.getKey());
      List<Object> spf = new ArrayList<>();
      boolean hasTxt = false;
      for (Object item : e.getValue() == null ? List.of() : e.getValue()) {
        if (!(item instanceof Map<?, ?> m)) {
          continue; // a bare TIMEOUT: the stub driver covers it
        }
        for (Map.Entry<?, ?> r : m.entrySet()) {
          String type = String.valueOf(r.getKey()).toUpperCase(Locale.ROOT);
          Object v = r.getValue();
          hasTxt |= type.equals("TXT"); // "TXT: NONE" too: then the SPF record is not copied
          if ("TIMEOUT".equals(String.valueOf(v)) || "NONE".equals(String.valueOf(v))) {
            continue;
          }
          switch (type) {
            case "A", "AAAA" -> z.append(owner).append(" IN ").append(type).append(' ').append(v);
            case "PTR", "CNAME" -> z.append(owner).append(" IN ").append(type).append(' ')
                .append(absolute(String.valueOf(v)));
            case "MX" -> {
              List<?> mx = (List<?>) v;
              String host = String.valueOf(mx.get(1));
              z.append(owner).append(" IN MX ").append(mx.get(0)).append(' ')
                  .append(host.isEmpty() ? "." : absolute(host));
            }
            case "TXT" -> {
              hasTxt = true;
              z.append(owner).append(" IN TXT ").append(strings(v));
            }
            case "SPF" -> {
              spf.add(v);
              z.append(owner).append(" IN SPF ").append(strings(v));
            }
            default -> {
              continue;
            }
          }
          z.append('\n');
        }
      }
      if (!hasTxt) {
        for (Object v : spf) {
          z.append(owner).append(" IN TXT ").append(strings(v)).append('\n');
        }
      }
    }
    return z.toString();
  }

  /** Cases whose expected result depends on a DNS timeout, which a real server can't fake. */
  static boolean needsTimeout(SpfSuite.Case c) {
    return c.results().contains("temperror") && mentionsTimeout(c.zoneData());
  }

  private static boolean mentionsTimeout(Map<String, List<Object>> zoneData) {
    return zoneData.toString().contains("TIMEOUT");
  }

  private static String absolute(String name) {
    String n = name.endsWith(".") ? name : name + ".";
    StringBuilder b = new StringBuilder();
    for (byte c : n.getBytes(StandardCharsets.UTF_8)) {
      int u = c & 0xFF;
      if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9')
          || u == '-' || u == '_' || u == '.' || u == '*') {
        b.append((char) u);
      } else {
        b.append(String.format(Locale.ROOT, "\\%03d", u));
      }
    }
    return b.toString();
  }

  private static String strings(Object v) {
    List<String> parts = v instanceof List<?> l ? l.stream().map(String::valueOf).toList()
        : List.of(String.valueOf(v));
    if (parts.isEmpty()) {
      return "\"\""; // a record of no strings: its text is empty
    }
    StringBuilder b = new StringBuilder();
    for (String p : parts) {
      // The suite's non-ASCII characters stand for single bytes (YAML read them as Latin-1).
      byte[] bytes = p.chars().allMatch(c -> c <= 0xFF) ? p.getBytes(StandardCharsets.ISO_8859_1)
          : p.getBytes(StandardCharsets.UTF_8);
      int i = 0;
      do {
        int end = Math.min(bytes.length, i + 255);
        b.append('"');
        for (int k = i; k < end; k++) {
          int u = bytes[k] & 0xFF;
          if (u == '"' || u == '\\') {
            b.append('\\').append((char) u);
          } else if (u < 32 || u > 126) {
            b.append(String.format(Locale.ROOT, "\\%03d", u));
          } else {
            b.append((char) u);
          }
        }
        b.append("\" ");
        i = end;
      } while (i < bytes.length);
    }
    return b.toString().strip();
  }
}
