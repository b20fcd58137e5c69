package dev.vigie.road;

import dev.vigie.dns.dmarc.DmarcMode;
import dev.vigie.dns.dmarc.DmarcParser;
import dev.vigie.dns.dmarc.DmarcRecord;
import dev.vigie.dns.dmarc.DmarcTag;
import dev.vigie.dns.dmarc.Policy;
import dev.vigie.dns.psl.OrganizationalDomains;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes DMARC records: the next step on the road, and the onboarding record. Records use the
 * common syntax of RFC 7489 §6.4 and RFC 9989: {@code v=DMARC1} first, then {@code p}, then the
 * domain's other tags in the order it wrote them, separated by {@code "; "}. The tags RFC 9989
 * removed ({@code pct}, {@code rf}, {@code ri}) are dropped: RFC 9989 receivers ignore them, and a
 * {@code pct} below 100 left behind would silently keep enforcement partial at RFC 7489 receivers.
 */
public final class DmarcRecords {
  private static final List<String> REMOVED = List.of("pct", "rf", "ri");

  private DmarcRecords() {}

  /**
   * The record that moves the domain to {@code target}: the current record (when its text is
   * known) with p, sp (and np) raised to {@code target} — never lowered — and {@code t=y} set
   * or removed; otherwise a minimal record with {@code rua} pointing at {@code reportAddress}.
   */
  public static NextRecord next(String domain, PublishedPolicy current, Policy target,
      boolean testing, @Nullable String reportAddress) {
    List<Advice> notes = new ArrayList<>();
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("v", "DMARC1");
    tags.put("p", target.tagValue());
    DmarcRecord r = current.recordText() == null ? null
        : new DmarcParser(DmarcMode.RFC7489).parse(current.recordText()).record();
    if (r != null) {
      for (DmarcTag t : r.tags()) {
        if (!tags.containsKey(t.name()) && !REMOVED.contains(t.name()) && !t.name().equals("t")) {
          tags.put(t.name(), t.value());
        }
      }
      raise(tags, "sp", r.subdomainPolicy(), target);
      raise(tags, "np", r.nonexistentPolicy(), target);
      if (r.tag("pct").isPresent()) {
        notes.add(Advice.of("road.record.pct-dropped", r.tag("pct").get()));
      }
    } else {
      if (current.subdomainPolicy() != null && current.subdomainPolicy().compareTo(target) > 0) {
        tags.put("sp", current.subdomainPolicy().tagValue());
      }
      if (reportAddress != null) {
        tags.put("rua", "mailto:" + reportAddress);
      } else {
        notes.add(Advice.of("road.record.add-rua"));
      }
      if (current.source() == PublishedPolicy.Source.REPORTS) {
        notes.add(Advice.of("road.record.rebuilt-from-reports"));
      }
    }
    if (testing && target != Policy.NONE) {
      tags.put("t", "y");
    }
    return new NextRecord(stageOf(target, testing), testing && target != Policy.NONE,
        DnsRecord.txt("_dmarc." + domain, write(tags)), notes);
  }

  /** sp or np, when written, raised to at least {@code target}. */
  private static void raise(Map<String, String> tags, String tag, @Nullable Policy written,
      Policy target) {
    if (written != null && written.compareTo(target) < 0) {
      tags.put(tag, target.tagValue());
    }
  }

  private static Stage stageOf(Policy p, boolean testing) {
    return switch (p) {
      case NONE -> Stage.MONITORING;
      case QUARANTINE -> Stage.QUARANTINE;
      case REJECT -> testing ? Stage.QUARANTINE : Stage.REJECT;
    };
  }

  /**
   * The onboarding records: the domain's DMARC record with {@code reportAddress} in rua (added to
   * an existing record's destinations, whose policy and other tags are kept; otherwise {@code
   * p=none}, the first stage), and the external destination authorisation the MSP publishes when
   * the address is outside the domain's organisation (RFC 7489 §7.1, RFC 9989 External Report
   * Destinations).
   */
  public static Onboarding onboarding(String domain, @Nullable String currentRecord,
      String reportAddress, OrganizationalDomains orgs) {
    String d = normalize(domain);
    String address = reportAddress.strip();
    int at = address.lastIndexOf('@');
    if (at <= 0 || at == address.length() - 1) {
      throw new IllegalArgumentException("not an email address: " + reportAddress);
    }
    String reportDomain = normalize(address.substring(at + 1));
    String uri = "mailto:" + address;
    List<Advice> notes = new ArrayList<>();
    DmarcRecord r = currentRecord == null ? null
        : new DmarcParser(DmarcMode.RFC7489).parse(currentRecord).record();
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("v", "DMARC1");
    if (r == null) {
      tags.put("p", "none");
      tags.put("rua", uri);
    } else {
      tags.put("p", r.effectivePolicy().tagValue());
      for (DmarcTag t : r.tags()) {
        tags.putIfAbsent(t.name(), t.value());
      }
      String rua = tags.get("rua");
      if (rua == null || rua.isBlank()) {
        tags.put("rua", uri);
      } else if (!containsUri(rua, uri)) {
        tags.put("rua", rua + "," + uri);
        notes.add(Advice.of("road.onboarding.rua-added", rua));
      }
    }
    String domainOrg = orgs.organizationalDomain(d).orElse(d);
    String reportOrg = orgs.organizationalDomain(reportDomain).orElse(reportDomain);
    DnsRecord authorisation = domainOrg.equals(reportOrg) ? null
        : DnsRecord.txt(d + "._report._dmarc." + reportDomain, "v=DMARC1");
    return new Onboarding(DnsRecord.txt("_dmarc." + d, write(tags)), authorisation, notes);
  }

  private static boolean containsUri(String rua, String uri) {
    for (String u : rua.split(",")) {
      String s = u.strip();
      int bang = s.indexOf('!');
      if ((bang < 0 ? s : s.substring(0, bang)).equalsIgnoreCase(uri)) {
        return true;
      }
    }
    return false;
  }

  static String write(Map<String, String> tags) {
    StringBuilder sb = new StringBuilder();
    tags.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "; ").append(k).append('=').append(v));
    return sb.toString();
  }

  private static String normalize(String domain) {
    String d = domain.strip().toLowerCase(Locale.ROOT);
    return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
  }
}
