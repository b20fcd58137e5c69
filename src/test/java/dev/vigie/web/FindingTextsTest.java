package dev.vigie.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every finding the checks can produce has its sentence, and its fix when it has one, in both
 * languages, quoting only the arguments the check passes. The calls are read from the checks'
 * sources ({@code new Finding("code", severity, summary, detail, fix, List.of(args…))}), so a new
 * finding without its texts fails the build.
 */
class FindingTextsTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/vigie/dns");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
  private static final Map<String, Call> CALLS = new HashMap<>();
  private static int callCount;

  /** One {@code new Finding(…)} in the sources: its code, whether it has a fix, its arg count. */
  record Call(String code, boolean fix, int args, String where) {}

  @BeforeAll
  static void readSources() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String src = Files.readString(p);
        int at = 0;
        while ((at = src.indexOf("new Finding(", at)) >= 0) {
          callCount++;
          List<String> a = arguments(src, at + "new Finding(".length());
          at++;
          String where = p.getFileName() + ": " + a.get(0);
          assertThat(a.get(0)).as(where + " (codes are literals, so bundles can be checked)")
              .matches("\"[a-z0-9.-]+\"");
          String code = a.get(0).substring(1, a.get(0).length() - 1);
          int n = a.size() < 6 ? 0 : arguments(a.get(5), a.get(5).indexOf('(') + 1).size();
          assertThat(a.size() < 6 || a.get(5).startsWith("List.of(")).as(where).isTrue();
          if (a.size() == 6 && a.get(5).equals("List.of()")) {
            n = 0;
          }
          Call c = new Call(code, !a.get(4).equals("null"), n, where);
          Call seen = CALLS.putIfAbsent(code, c);
          if (seen != null) {
            // one code may be raised in several places: all must quote the same arguments
            assertThat(n).as(where + " vs " + seen.where()).isEqualTo(seen.args());
            CALLS.put(code, new Call(code, seen.fix() || c.fix(), n, where));
          }
        }
      }
    }
  }

  @Test
  void everyCodeIsALiteralInOneCall() {
    assertThat(CALLS).hasSizeGreaterThan(100);
    assertThat(callCount).isGreaterThanOrEqualTo(CALLS.size());
  }

  @Test
  void everyFindingHasItsTextsInBothLanguages() {
    for (String lang : Messages.LANGUAGES) {
      Properties b = Messages.bundle(lang);
      List<String> problems = new ArrayList<>();
      for (Call c : CALLS.values()) {
        if (!inScope(c.code())) {
          continue;
        }
        String summary = b.getProperty("finding." + c.code());
        String fix = b.getProperty("finding." + c.code() + ".fix");
        if (summary == null) {
          problems.add(lang + ": no finding." + c.code() + " (" + c.where() + ")");
        }
        if (c.fix() && fix == null) {
          problems.add(lang + ": no finding." + c.code() + ".fix (" + c.where() + ")");
        }
        for (String text : new String[] {summary, fix}) {
          Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
          while (m.find()) {
            if (Integer.parseInt(m.group(1)) >= c.args()) {
              problems.add(lang + ": finding." + c.code() + " quotes " + m.group()
                  + " but the check passes " + c.args() + " argument(s)");
            }
          }
        }
      }
      assertThat(problems).isEmpty();
    }
  }

  @Test
  void noTextForAFindingThatDoesNotExist() {
    TreeSet<String> orphans = new TreeSet<>();
    for (String key : Messages.bundle("en").stringPropertyNames()) {
      if (key.startsWith("finding.")) {
        String code = key.substring("finding.".length()).replaceFirst("\\.fix$", "");
        if (!CALLS.containsKey(code) && inScope(code)) {
          orphans.add(key);
        }
      }
    }
    assertThat(orphans).isEmpty();
  }

  @Test
  void renderingQuotesTheArgumentsAndFallsBackToEnglish() {
    Messages fr = Messages.of("fr");
    assertThat(fr.finding("dmarc.missing", "", List.of(), "english"))
        .isEqualTo(fr.get("finding.dmarc.missing"));
    assertThat(fr.finding("no.such-code", "", List.of(), "english")).isEqualTo("english");
    assertThat(fr.finding("no.such-code", ".fix", List.of(), null)).isNull();
    Messages en = Messages.of("en");
    // an argument is quoted as it is, even when it looks like a placeholder or a regex group
    assertThat(en.finding("spf.missing", ".fix", List.of("{1}$0.example"), "english"))
        .contains("{1}$0.example").doesNotContain("english");
    // a stored finding from before its arguments existed keeps its English text
    assertThat(en.finding("spf.missing", ".fix", List.of(), "english")).isEqualTo("english");
  }

  /** {@code -Dfindings.areas=spf,mx} checks only those areas' texts (while writing them). */
  private static boolean inScope(String code) {
    String areas = System.getProperty("findings.areas");
    return areas == null || List.of(areas.split(",")).contains(code.substring(0, code.indexOf('.')));
  }

  /** The top-level, comma-separated arguments of the call whose text starts at {@code from}. */
  static List<String> arguments(String src, int from) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    StringBuilder cur = new StringBuilder();
    for (int i = from; i < src.length(); i++) {
      char ch = src.charAt(i);
      if (ch == '"') {
        int end = i + 1;
        while (src.charAt(end) != '"') {
          end += src.charAt(end) == '\\' ? 2 : 1;
        }
        cur.append(src, i, end + 1);
        i = end;
        continue;
      }
      if (ch == '\'') {
        int end = src.indexOf('\'', i + (src.charAt(i + 1) == '\\' ? 3 : 2));
        cur.append(src, i, end + 1);
        i = end;
        continue;
      }
      if (ch == '(' || ch == '[' || ch == '{') {
        depth++;
      } else if (ch == ')' || ch == ']' || ch == '}') {
        if (depth == 0) {
          String last = cur.toString().strip();
          if (!last.isEmpty() || !out.isEmpty()) {
            out.add(last);
          }
          return out;
        }
        depth--;
      } else if (ch == ',' && depth == 0) {
        out.add(cur.toString().strip());
        cur.setLength(0);
        continue;
      }
      cur.append(ch);
    }
    throw new IllegalArgumentException("unbalanced call at " + from);
  }
}
