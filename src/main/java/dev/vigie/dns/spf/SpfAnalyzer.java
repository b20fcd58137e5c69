package dev.vigie.dns.spf;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import dev.vigie.dns.DnsAnswer;
import dev.vigie.dns.DnsClient;
import dev.vigie.dns.RecordType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a domain's SPF record and everything it includes, independent of any client address, and
 * reports what would break or weaken it. Work is bounded on hostile trees: at most
 * {@value #MAX_RECORDS} records and {@value #MAX_QUERIES} DNS questions per analysis.
 */
public final class SpfAnalyzer {
  static final int MAX_RECORDS = 40;
  static final int MAX_QUERIES = 200;
  private static final int MAX_MX = 10;

  private final DnsClient dns;

  public SpfAnalyzer(DnsClient dns) {
    this.dns = dns;
  }

  public SpfAnalysis analyze(String domain) {
    String name = DomainNames.normalize(domain);
    Walk walk = new Walk();
    SpfNode root = walk.node(name, "root", new LinkedHashSet<>());
    List<Finding> findings = new ArrayList<>(walk.findings);
    SpfFindings.totals(root, findings);
    walk.includes.forEach((target, count) -> {
      if (count > 1) {
        findings.add(SpfFindings.duplicateInclude(target, count));
      }
    });
    if (root.status() == SpfNode.Status.OK || root.status() == SpfNode.Status.MISSING) {
      parked(name, root, findings);
    }
    findings.sort(Comparator.comparing(Finding::severity));
    return new SpfAnalysis(name, root, findings);
  }

  /** A domain that receives no mail should also send none: "v=spf1 -all" (RFC 7208 §10.1.2). */
  private void parked(String domain, SpfNode root, List<Finding> findings) {
    DnsAnswer mx = dns.lookup(domain, RecordType.MX);
    boolean noMail = !mx.status().isTemporary() && mx.records().stream()
        .allMatch(r -> DomainNames.stripDot(r.substring(r.indexOf(' ') + 1).strip()).isEmpty());
    String record = root.record();
    if (noMail && (record == null || !record.strip().replaceAll(" +", " ")
        .equalsIgnoreCase("v=spf1 -all"))) {
      findings.add(SpfFindings.parked(domain, record));
    }
  }

  /** The state of one analysis: findings so far, include counts, budgets. */
  private final class Walk {
    final List<Finding> findings = new ArrayList<>();
    final Map<String, Integer> includes = new LinkedHashMap<>();
    int records;
    int queries;

    SpfNode node(String domain, String via, Set<String> path) {
      if (path.contains(domain)) {
        findings.add(SpfFindings.loop(domain, path));
        return leaf(domain, via, null, SpfNode.Status.LOOP);
      }
      if (++records > MAX_RECORDS || queries >= MAX_QUERIES) {
        return leaf(domain, via, null, SpfNode.Status.NOT_FOLLOWED);
      }
      queries++;
      SpfLookup.Outcome outcome = SpfLookup.fetch(dns, domain);
      SpfLookup.Found found = switch (outcome) {
        case SpfLookup.Found f -> f;
        case SpfLookup.NotFound n -> {
          findings.add(SpfFindings.missing(domain, via, n.nxdomain()));
          yield null;
        }
        case SpfLookup.Multiple m -> {
          findings.add(SpfFindings.multiple(domain, m.records()));
          yield null;
        }
        case SpfLookup.Temporary t -> {
          findings.add(SpfFindings.temporary(domain, t.status().toString()));
          yield null;
        }
      };
      if (found == null) {
        SpfNode.Status status = switch (outcome) {
          case SpfLookup.NotFound n -> n.nxdomain() ? SpfNode.Status.NXDOMAIN
              : SpfNode.Status.MISSING;
          case SpfLookup.Multiple m -> SpfNode.Status.MULTIPLE;
          default -> SpfNode.Status.TEMPORARY_ERROR;
        };
        return leaf(domain, via, null, status);
      }
      sizes(domain, found);
      SpfRecord record;
      try {
        record = SpfParser.parse(found.text());
      } catch (SpfSyntaxException e) {
        findings.add(SpfFindings.syntax(domain, found.text(), e.getMessage()));
        return leaf(domain, via, found.text(), SpfNode.Status.SYNTAX_ERROR);
      }
      return evaluate(domain, via, record, path);
    }

    private SpfNode evaluate(String domain, String via, SpfRecord record, Set<String> path) {
      path.add(domain);
      int own = 0;
      List<String> voids = new ArrayList<>();
      List<SpfNode> children = new ArrayList<>();
      boolean hasAll = false;
      for (Mechanism m : record.mechanisms()) {
        if (m.kind().countsAsLookup()) {
          own++;
        }
        String target = m.domain() == null ? domain
            : m.domain().hasMacros() ? null : DomainNames.forQuery(m.domain().text());
        switch (m.kind()) {
          case ALL -> {
            hasAll = true;
            // "?all" in an included record only makes that include not match: harmless
            if (m.qualifier() == Qualifier.PASS
                || (m.qualifier() == Qualifier.NEUTRAL && !via.equals("include"))) {
              findings.add(SpfFindings.permissiveAll(domain, m, via));
            }
          }
          case PTR -> findings.add(SpfFindings.ptr(domain, m));
          case INCLUDE -> {
            if (target != null) {
              includes.merge(target, 1, Integer::sum);
              children.add(node(target, "include", path));
            }
          }
          case A -> {
            if (target != null && isEmpty(target, RecordType.A) && isEmpty(target,
                RecordType.AAAA)) {
              voids.add(target);
            }
          }
          case MX -> {
            if (target != null) {
              mx(domain, m, target, voids);
            }
          }
          case EXISTS -> {
            if (target != null && isEmpty(target, RecordType.A)) {
              voids.add(target);
            }
          }
          default -> { }
        }
      }
      if (record.redirect() != null) {
        own++;
        if (hasAll) {
          findings.add(SpfFindings.redirectWithAll(domain, record.redirect().text()));
        } else if (!record.redirect().hasMacros()) {
          String target = DomainNames.forQuery(record.redirect().text());
          if (target != null) {
            children.add(node(target, "redirect", path));
          }
        }
      }
      path.remove(domain);
      voids.forEach(v -> findings.add(SpfFindings.voidTarget(domain, v)));
      int total = own + children.stream().mapToInt(SpfNode::totalLookups).sum();
      return new SpfNode(domain, via, record.text(), SpfNode.Status.OK, own, total, voids,
          children);
    }

    private void mx(String domain, Mechanism m, String target, List<String> voids) {
      DnsAnswer answer = ask(target, RecordType.MX);
      if (answer == null) {
        return;
      }
      if (answer.records().isEmpty() && !answer.status().isTemporary()) {
        voids.add(target);
      } else if (answer.records().size() > MAX_MX) {
        findings.add(SpfFindings.tooManyMx(domain, m, target, answer.records().size()));
      }
    }

    private boolean isEmpty(String name, RecordType type) {
      DnsAnswer answer = ask(name, type);
      return answer != null && !answer.status().isTemporary() && answer.records().isEmpty();
    }

    private @Nullable DnsAnswer ask(String name, RecordType type) {
      return ++queries > MAX_QUERIES ? null : dns.lookup(name, type);
    }

    private void sizes(String domain, SpfLookup.Found found) {
      int bytes = found.text().length();
      for (String s : found.strings()) {
        if (s.length() > 255) {
          findings.add(SpfFindings.longString(domain, s.length()));
        }
      }
      if (bytes > 450) {
        findings.add(SpfFindings.longRecord(domain, bytes, bytes > 512 ? Severity.WARNING
            : Severity.INFO));
      }
    }

    private SpfNode leaf(String domain, String via, @Nullable String text, SpfNode.Status s) {
      return new SpfNode(domain, via, text, s, 0, 0, List.of(), List.of());
    }
  }
}
