package dev.vigie.report.aggregate;

import dev.vigie.report.InvalidReportException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A forgiving pull scanner for the small XML dialect of DMARC aggregate reports, over UTF-8 bytes.
 *
 * <p>Why not a library parser: reporters send unescaped {@code <} in text, stray unclosed wrapper
 * elements and invalid UTF-8, which conforming parsers (rightly) reject, and which parsedmarc only
 * survives by re-parsing with libxml2's recover mode. This scanner recovers from those in one pass
 * and records each recovery as a warning. It is also strict where safety matters: a DOCTYPE is
 * refused outright, so there are no external entities (XXE) and no entity expansion (billion
 * laughs); only the five predefined entities and character references are decoded. See ADR 0002.
 *
 * <p>Events are balanced: every START gets an END, synthesised when the document leaves an element
 * open, so callers can parse by recursive descent.
 */
final class XmlScanner {
  static final int EOF = 0;
  static final int START = 1;
  static final int END = 2;

  private final byte[] b;
  private final int limit;
  private final int maxDepth;
  private final int maxField;
  private final List<String> warnings;
  private int pos;

  private String[] stack = new String[16];
  /** Where each open element's name, as written (prefix included), sits in the input. */
  private int[] rawFrom = new int[16];
  private int[] rawTo = new int[16];
  private int depth;
  private String name = "";
  private @Nullable String defaultNamespace;
  private boolean firstElementSeen;

  /** Close synthetic ENDs down to this depth before reading on (mismatched end tag). */
  private int closeTo = -1;
  private boolean pendingSelfClose;
  private boolean syntheticEnd;

  // Text seen directly since the last START: one byte range, or a builder once it gets complex.
  private int textFrom = -1;
  private int textTo = -1;
  private @Nullable StringBuilder textBuilder;
  // The same, frozen for the element that just ENDed.
  private int endFrom = -1;
  private int endTo = -1;
  private @Nullable StringBuilder endBuilder;

  private boolean warnedUnescapedLt;

  XmlScanner(byte[] utf8, int from, int to, int maxDepth, int maxField, List<String> warnings) {
    this.b = utf8;
    this.pos = from;
    this.limit = to;
    this.maxDepth = maxDepth;
    this.maxField = maxField;
    this.warnings = warnings;
  }

  /** Local name (prefix stripped) of the element of the last START or END. */
  String name() {
    return name;
  }

  int depth() {
    return depth;
  }

  /** The {@code xmlns} default namespace declared on the first element that declared one. */
  @Nullable String defaultNamespace() {
    return defaultNamespace;
  }

  /** True when the last END was made up because the document never closed the element. */
  boolean endWasSynthetic() {
    return syntheticEnd;
  }

  int next() {
    syntheticEnd = false;
    if (pendingSelfClose) {
      pendingSelfClose = false;
      return pop(false);
    }
    if (closeTo >= 0) {
      if (depth > closeTo + 1) {
        warnings.add("element <" + stack[depth - 1] + "> was not closed; closed it at </"
            + stack[closeTo] + ">");
        return pop(true);
      }
      closeTo = -1;
      return pop(false);
    }
    while (true) {
      int lt = indexOf((byte) '<', pos);
      if (lt < 0) {
        appendText(pos, limit);
        pos = limit;
        return atEof();
      }
      if (lt > pos) {
        appendText(pos, lt);
      }
      pos = lt;
      int ev = tag();
      if (ev != -1) {
        return ev;
      }
    }
  }

  /** Skips the rest of the element whose START was just returned. */
  void skipElement() {
    int target = depth - 1;
    while (depth > target) {
      if (next() == EOF) {
        return;
      }
    }
  }

  /**
   * The text directly inside the element that just ENDed, trimmed; null when empty. Valid right
   * after an END event.
   */
  @Nullable String text() {
    if (endBuilder != null) {
      String s = endBuilder.toString().strip();
      checkLength(s.length());
      return s.isEmpty() ? null : s;
    }
    if (endFrom < 0) {
      return null;
    }
    int s = endFrom;
    int e = endTo;
    while (s < e && isSpace(b[s])) {
      s++;
    }
    while (e > s && isSpace(b[e - 1])) {
      e--;
    }
    if (s == e) {
      return null;
    }
    checkLength(e - s);
    return decode(s, e);
  }

  private void checkLength(int length) {
    if (length > maxField) {
      throw new InvalidReportException("field <" + name + "> is " + length
          + " characters long, over the " + maxField + " limit");
    }
  }

  private String decode(int s, int e) {
    for (int i = s; i < e; i++) {
      if (b[i] < 0) {
        return Utf8.decode(b, s, e, name, warnings);
      }
    }
    return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
  }

  private int atEof() {
    if (depth > 0) {
      syntheticEnd = true;
      return pop(true);
    }
    return EOF;
  }

  private int pop(boolean synthetic) {
    syntheticEnd = synthetic;
    name = stack[--depth];
    endFrom = textFrom;
    endTo = textTo;
    endBuilder = textBuilder;
    textFrom = -1;
    textBuilder = null;
    return END;
  }

  /** At a '<'. Returns an event, or -1 when the markup produced none (comment, PI, literal '<'). */
  private int tag() {
    int p = pos + 1;
    if (p >= limit) {
      literalLt();
      return -1;
    }
    byte c = b[p];
    if (c == '/') {
      return endTag(p + 1);
    }
    if (c == '!') {
      bang(p);
      return -1;
    }
    if (c == '?') {
      int close = indexOf2((byte) '?', (byte) '>', p);
      pos = close < 0 ? limit : close + 2;
      return -1;
    }
    if (!isNameStart(c)) {
      literalLt();
      return -1;
    }
    int nameEnd = scanName(p);
    if (nameEnd >= limit || !(isSpace(b[nameEnd]) || b[nameEnd] == '>' || b[nameEnd] == '/')) {
      literalLt();
      return -1;
    }
    String n = Names.local(b, p, nameEnd);
    int q = attributes(nameEnd, n);
    if (q < 0) {
      // An unterminated start tag at the end of input: the document is cut short.
      pos = limit;
      return atEof();
    }
    push(n, p, nameEnd);
    boolean selfClose = b[q] == '/';
    pos = selfClose ? q + 2 : q + 1;
    pendingSelfClose = selfClose;
    textFrom = -1;
    textBuilder = null;
    name = n;
    return START;
  }

  /** Scans attributes; returns the index of '>' or of the '/' of "/>", or -1 at end of input. */
  private int attributes(int p, String element) {
    while (p < limit) {
      byte c = b[p];
      if (c == '>') {
        return p;
      }
      if (c == '/' && p + 1 < limit && b[p + 1] == '>') {
        return p;
      }
      if (isSpace(c) || c == '/') {
        p++;
        continue;
      }
      int attrStart = p;
      while (p < limit && b[p] != '=' && b[p] != '>' && !isSpace(b[p])) {
        p++;
      }
      int attrEnd = p;
      while (p < limit && isSpace(b[p])) {
        p++;
      }
      if (p < limit && b[p] == '=') {
        p++;
        while (p < limit && isSpace(b[p])) {
          p++;
        }
        if (p < limit && (b[p] == '"' || b[p] == '\'')) {
          int close = indexOf(b[p], p + 1);
          if (close < 0) {
            return -1;
          }
          if (!firstElementSeen && attrEnd - attrStart == 5 && startsWith(attrStart, "xmlns")) {
            defaultNamespace = new String(b, p + 1, close - p - 1, StandardCharsets.UTF_8).strip();
          }
          p = close + 1;
        }
      }
    }
    return -1;
  }

  private int endTag(int p) {
    int nameEnd = scanName(p);
    int q = nameEnd;
    while (q < limit && isSpace(b[q])) {
      q++;
    }
    if (nameEnd == p || q >= limit || b[q] != '>') {
      literalLt();
      return -1;
    }
    pos = q + 1;
    // The usual case, the innermost open element closing under the same name as written: no
    // name lookup.
    if (depth > 0 && closesTop(p, nameEnd)) {
      return pop(false);
    }
    String n = Names.local(b, p, nameEnd);
    for (int i = depth - 1; i >= 0; i--) {
      if (stack[i].equals(n)) {
        if (i == depth - 1) {
          return pop(false);
        }
        closeTo = i;
        return next();
      }
    }
    warnings.add("ignored the stray end tag </" + n + ">");
    return -1;
  }

  private void bang(int p) {
    if (startsWith(p, "!--")) {
      int close = indexOf3(p + 3);
      pos = close < 0 ? limit : close + 3;
      return;
    }
    if (startsWith(p, "![CDATA[")) {
      int from = p + 8;
      int close = indexOf3Cdata(from);
      int to = close < 0 ? limit : close;
      appendText(from, to, false);
      pos = close < 0 ? limit : close + 3;
      return;
    }
    if (startsWithIgnoreCase(p, "!DOCTYPE")) {
      throw new InvalidReportException("the XML declares a DOCTYPE, which reports never need;"
          + " refused to rule out external entities (XXE) and entity expansion");
    }
    warnings.add("skipped unknown markup <" + snippet(p) + "…>");
    int close = indexOf((byte) '>', p);
    pos = close < 0 ? limit : close + 1;
  }

  private void literalLt() {
    if (!warnedUnescapedLt) {
      warnedUnescapedLt = true;
      warnings.add("an unescaped '<' (\"" + snippet(pos) + "\") was read as text");
    }
    int next = indexOf((byte) '<', pos + 1);
    int to = next < 0 ? limit : next;
    appendText(pos, to);
    pos = to;
  }

  private boolean closesTop(int from, int to) {
    int f = rawFrom[depth - 1];
    if (rawTo[depth - 1] - f != to - from) {
      return false;
    }
    for (int i = from; i < to; i++, f++) {
      if (b[i] != b[f]) {
        return false;
      }
    }
    return true;
  }

  private void push(String n, int nameFrom, int nameTo) {
    firstElementSeen |= defaultNamespace != null;
    if (depth == maxDepth) {
      throw new InvalidReportException(
          "XML elements are nested deeper than the " + maxDepth + " limit");
    }
    if (depth == stack.length) {
      stack = Arrays.copyOf(stack, depth * 2);
      rawFrom = Arrays.copyOf(rawFrom, depth * 2);
      rawTo = Arrays.copyOf(rawTo, depth * 2);
    }
    rawFrom[depth] = nameFrom;
    rawTo[depth] = nameTo;
    stack[depth++] = n;
  }

  private void appendText(int from, int to) {
    appendText(from, to, true);
  }

  private void appendText(int from, int to, boolean decodeEntities) {
    if (from >= to) {
      return;
    }
    boolean hasAmp = decodeEntities && indexOf((byte) '&', from, to) >= 0;
    if (textBuilder == null && textFrom < 0 && !hasAmp) {
      textFrom = from;
      textTo = to;
      return;
    }
    if (textBuilder == null) {
      textBuilder = new StringBuilder();
      if (textFrom >= 0) {
        textBuilder.append(decode(textFrom, textTo));
      }
    }
    if (textBuilder.length() + (to - from) > maxField * 4L) {
      throw new InvalidReportException("text inside <" + (depth > 0 ? stack[depth - 1] : "?")
          + "> is over the " + maxField + " character limit");
    }
    if (hasAmp) {
      Entities.decodeInto(textBuilder, decode(from, to), warnings);
    } else {
      textBuilder.append(decode(from, to));
    }
  }

  private int scanName(int p) {
    while (p < limit && isNameChar(b[p])) {
      p++;
    }
    return p;
  }

  /** XML 1.0 §2.3 name characters, approximated on bytes: any non-ASCII byte is allowed. */
  private static final boolean[] NAME_START = new boolean[256];
  private static final boolean[] NAME_CHAR = new boolean[256];

  static {
    for (int c = 0; c < 256; c++) {
      boolean start = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'
          || c >= 0x80;
      NAME_START[c] = start;
      NAME_CHAR[c] = start || (c >= '0' && c <= '9') || c == '-' || c == '.';
    }
  }

  private static boolean isNameStart(byte c) {
    return NAME_START[c & 0xFF];
  }

  private static boolean isNameChar(byte c) {
    return NAME_CHAR[c & 0xFF];
  }

  static boolean isSpace(byte c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  private int indexOf(byte c, int from) {
    return indexOf(c, from, limit);
  }

  private int indexOf(byte c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private int indexOf2(byte c1, byte c2, int from) {
    for (int i = from; i + 1 < limit; i++) {
      if (b[i] == c1 && b[i + 1] == c2) {
        return i;
      }
    }
    return -1;
  }

  /** Index of "-->" from {@code from}. */
  private int indexOf3(int from) {
    for (int i = from; i + 2 < limit; i++) {
      if (b[i] == '-' && b[i + 1] == '-' && b[i + 2] == '>') {
        return i;
      }
    }
    return -1;
  }

  /** Index of "]]>" from {@code from}. */
  private int indexOf3Cdata(int from) {
    for (int i = from; i + 2 < limit; i++) {
      if (b[i] == ']' && b[i + 1] == ']' && b[i + 2] == '>') {
        return i;
      }
    }
    return -1;
  }

  private boolean startsWith(int p, String s) {
    return XmlEncoding.startsWith(b, p, limit, s);
  }

  private boolean startsWithIgnoreCase(int p, String s) {
    if (p + s.length() > limit) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.toUpperCase(b[p + i]) != Character.toUpperCase(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private String snippet(int p) {
    int e = Math.min(limit, p + 40);
    int nl = indexOf((byte) '\n', p, e);
    return new String(b, p, (nl < 0 ? e : nl) - p, StandardCharsets.UTF_8).strip();
  }
}
