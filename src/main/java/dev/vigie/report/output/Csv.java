package dev.vigie.report.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes RFC 4180 rows: fields quoted when they hold a comma, quote or line break; null is empty. */
final class Csv {
  private Csv() {}

  static void row(Writer w, List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        w.write(',');
      }
      String f = fields.get(i);
      if (f == null) {
        continue;
      }
      if (needsQuotes(f)) {
        w.write('"');
        w.write(f.replace("\"", "\"\""));
        w.write('"');
      } else {
        w.write(f);
      }
    }
    w.write("\r\n");
  }

  private static boolean needsQuotes(String f) {
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }
}
