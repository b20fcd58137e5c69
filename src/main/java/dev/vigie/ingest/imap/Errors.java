package dev.vigie.ingest.imap;

/** One-line descriptions of failures, for log lines without stack traces. */
final class Errors {
  private Errors() {}

  /** The message of {@code t} and of its causes where they add something, on one line. */
  static String oneLine(Throwable t) {
    StringBuilder sb = new StringBuilder();
    Throwable cur = t;
    for (int depth = 0; cur != null && depth < 4; depth++, cur = cur.getCause()) {
      String msg = cur.getMessage();
      String part = msg == null || msg.isBlank() ? cur.getClass().getSimpleName() : msg.strip();
      if (sb.indexOf(part) < 0) {
        sb.append(sb.isEmpty() ? "" : ": ").append(part);
      }
      if (cur.getCause() == cur) {
        break;
      }
    }
    String line = sb.toString().replaceAll("\\s+", " ");
    return line.length() > 300 ? line.substring(0, 297) + "..." : line;
  }
}
