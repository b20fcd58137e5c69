package dev.vigie.dns.spf;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The analyser's findings, worded for the business owner (summary) and technician (detail). */
final class SpfFindings {
  private static final int LOOKUP_LIMIT = 10;
  private static final int VOID_LIMIT = 2;

  private SpfFindings() {}

  /** Limits over the whole tree (RFC 7208 §4.6.4). */
  static void totals(SpfNode root, List<Finding> out) {
    int total = root.totalLookups();
    if (total > LOOKUP_LIMIT) {
      out.add(new Finding("spf.too-many-lookups", Severity.ERROR,
          "Your SPF record needs too many DNS lookups, so receivers may treat all your mail as"
              + " unverified.",
          "The include tree of " + root.domain() + " has " + total + " DNS-querying terms"
              + " (include, a, mx, ptr, exists, redirect); RFC 7208 §4.6.4 allows 10, and"
              + " evaluation ends in permerror once the 11th is reached. Per branch: "
              + branches(root) + ".",
          "Remove includes for services you no longer use, replace a/mx terms with ip4:/ip6:"
              + " ranges, or ask a provider for a flatter include."));
    } else if (total >= LOOKUP_LIMIT - 1) {
      out.add(new Finding("spf.lookups-near-limit", Severity.WARNING,
          "Your SPF record is close to its DNS lookup limit; one more email service will break"
              + " it.",
          root.domain() + " uses " + total + " of 10 DNS-querying terms (RFC 7208 §4.6.4). Per"
              + " branch: " + branches(root) + ".",
          "Before adding a sender, remove unused includes or replace a/mx terms with ip4:/ip6:"
              + " ranges."));
    }
    int voids = root.totalVoidLookups();
    if (voids > VOID_LIMIT) {
      out.add(new Finding("spf.too-many-void-lookups", Severity.ERROR,
          "Your SPF record points to several names that do not exist, so receivers may reject"
              + " it as broken.",
          voids + " a/mx/exists terms in the tree of " + root.domain() + " find no records;"
              + " RFC 7208 §4.6.4 recommends a permerror after 2 such void lookups.",
          "Remove the terms that point to names without records."));
    }
  }

  private static String branches(SpfNode root) {
    // each child was reached through one counted include/redirect term of the root
    StringBuilder sb = new StringBuilder(root.domain() + " itself "
        + (root.lookups() - root.children().size()));
    for (SpfNode c : root.children()) {
      sb.append(", ").append(c.via()).append(' ').append(c.domain()).append(' ')
          .append(c.totalLookups() + 1);
    }
    return sb.toString();
  }

  static Finding missing(String domain, String via, boolean nxdomain) {
    if (via.equals("root")) {
      return nxdomain
          ? new Finding("spf.domain-not-found", Severity.ERROR,
              "This domain does not exist in DNS.", domain + " returned NXDOMAIN.",
              "Check the spelling of the domain, or register and publish it.")
          : new Finding("spf.missing", Severity.ERROR,
              "Your domain does not say which servers may send its email, so anyone can"
                  + " pretend to be you.",
              "No TXT record starting with \"v=spf1\" at " + domain + " (RFC 7208 §4.5): every"
                  + " check returns \"none\".",
              "Publish a TXT record at " + domain + " listing your senders, e.g. \"v=spf1"
                  + " include:<your email provider> -all\", or \"v=spf1 -all\" if the domain"
                  + " sends no mail.",
              List.of(domain));
    }
    String summary = "Your SPF record refers to a service record that does not exist, so checks of"
        + " your mail fail with an error.";
    String detail = "The " + via + " target " + domain + (nxdomain ? " does not exist (NXDOMAIN)"
        : " has no SPF record") + "; RFC 7208 §5.2/§6.1 make that a permerror.";
    String fix = "Correct or remove the " + via + " of " + domain + ".";
    // one literal code per term, so that each has its texts (via is "include" or "redirect")
    return via.equals("include")
        ? new Finding("spf.include-missing", Severity.ERROR, summary, detail, fix,
            List.of(domain))
        : new Finding("spf.redirect-missing", Severity.ERROR, summary, detail, fix,
            List.of(domain));
  }

  static Finding multiple(String domain, List<String> records) {
    return new Finding("spf.multiple-records", Severity.ERROR,
        "Your domain publishes more than one SPF record, which makes all of them invalid.",
        domain + " has " + records.size() + " TXT records starting with \"v=spf1\": "
            + String.join(" | ", records) + " (RFC 7208 §4.5: permerror).",
        "Merge them into one record with a single \"all\" at the end.");
  }

  static Finding temporary(String domain, String status) {
    return new Finding("spf.dns-error", Severity.WARNING,
        "We could not read this SPF record because of a DNS problem; receivers may be"
            + " delaying your mail.",
        "TXT lookup for " + domain + " ended with " + status + " (RFC 7208 §4.4: temperror).",
        "Check that the domain's name servers answer; we will retry.");
  }

  static Finding syntax(String domain, String record, @Nullable String problem) {
    return new Finding("spf.syntax-error", Severity.ERROR,
        "An SPF record has a mistake in it, so receivers cannot use it.",
        "The record of " + domain + " \"" + MacroString.printable(record) + "\" is invalid: "
            + problem + ". RFC 7208 §4.6 makes the whole check a permerror.",
        "Correct the record of " + domain + ".",
        List.of(domain));
  }

  static Finding loop(String domain, Set<String> path) {
    return new Finding("spf.include-loop", Severity.ERROR,
        "Your SPF record refers back to itself, so checks of your mail fail with an error.",
        "Loop: " + String.join(" -> ", path) + " -> " + domain + ".",
        "Remove the include or redirect that points back to " + domain + ".",
        List.of(domain));
  }

  static Finding permissiveAll(String domain, Mechanism all, String via) {
    if (all.qualifier() == Qualifier.PASS) {
      return new Finding("spf.plus-all", Severity.ERROR,
          "Your SPF record allows every server on the internet to send email as you.",
          "\"" + all.text() + "\" in the record of " + domain + (via.equals("include")
              ? " (included, so it makes the include match for every address)" : "")
              + " passes any client address (RFC 7208 §5.1).",
          "Replace \"" + all.text() + "\" with \"-all\" (or \"~all\" while testing).",
          List.of(all.text()));
    }
    return new Finding("spf.neutral-all", Severity.WARNING,
        "Your SPF record does not ask receivers to reject mail from other servers.",
        "\"" + all.text() + "\" in the record of " + domain + " gives \"neutral\" to any other"
            + " address, which is treated like no policy (RFC 7208 §8.2).",
        "End the record with \"-all\" (or \"~all\" while testing).");
  }

  static Finding ptr(String domain, Mechanism m) {
    return new Finding("spf.ptr", Severity.WARNING,
        "Your SPF record uses a slow, unreliable method that some receivers ignore.",
        "\"" + m.text() + "\" in the record of " + domain + ": RFC 7208 §5.5 says ptr SHOULD"
            + " NOT be used; it costs many DNS queries and depends on the sender's reverse DNS.",
        "Replace \"" + m.text() + "\" with the ip4:/ip6: ranges of the servers it covers.",
        List.of(m.text()));
  }

  static Finding voidTarget(String domain, String target) {
    return new Finding("spf.void-lookup", Severity.WARNING,
        "Your SPF record mentions a server name that does not exist.",
        "A term in the record of " + domain + " points to " + target + ", which has no"
            + " records: a void lookup (RFC 7208 §4.6.4, limit 2 per check).",
        "Remove the term for " + target + " or correct the name.",
        List.of(target));
  }

  static Finding duplicateInclude(String target, int count) {
    return new Finding("spf.duplicate-include", Severity.WARNING,
        "The same email service is listed more than once, which wastes your DNS lookup budget.",
        "include:" + target + " appears " + count + " times in the tree; each costs lookups"
            + " against the limit of 10 (RFC 7208 §4.6.4).",
        "Keep one include:" + target + ".",
        List.of(target));
  }

  static Finding redirectWithAll(String domain, String redirect) {
    return new Finding("spf.redirect-with-all", Severity.WARNING,
        "Part of your SPF record is ignored.",
        "The record of " + domain + " has both \"all\" and redirect=" + redirect + "; RFC 7208"
            + " §6.1 ignores redirect when \"all\" is present.",
        "Remove either the redirect or the \"all\" term.");
  }

  static Finding tooManyMx(String domain, Mechanism m, String target, int count) {
    return new Finding("spf.too-many-mx", Severity.ERROR,
        "Your SPF record points at a mail setup with too many servers, so checks fail with an"
            + " error.",
        "\"" + m.text() + "\" in the record of " + domain + ": " + target + " has " + count
            + " MX records; RFC 7208 §4.6.4 makes more than 10 a permerror.",
        "Replace \"" + m.text() + "\" with ip4:/ip6: ranges of the mail servers.",
        List.of(m.text()));
  }

  static Finding longString(String domain, int length) {
    return new Finding("spf.string-too-long", Severity.WARNING,
        "Your SPF record is stored in a way some DNS software cannot handle.",
        "A character-string of the TXT record at " + domain + " is " + length + " bytes; a"
            + " DNS character-string holds at most 255 (RFC 7208 §3.3).",
        "Split the record into strings of at most 255 bytes; receivers join them.");
  }

  static Finding longRecord(String domain, int bytes, Severity severity) {
    return new Finding("spf.record-too-long", severity,
        "Your SPF record is very long; some receivers may not read all of it.",
        "The SPF record of " + domain + " is " + bytes + " bytes; answers over 512 bytes may"
            + " need TCP, and RFC 7208 §3.4 advises keeping the answer under 450 bytes.",
        "Remove unused senders or move groups of them behind an include.");
  }

  static Finding parked(String domain, @Nullable String record) {
    return new Finding("spf.parked-domain", Severity.WARNING,
        "This domain receives no email, so it should state that it sends none either.",
        domain + " has no MX record" + (record == null ? " and no SPF record"
            : " but its SPF record is \"" + record + "\"") + ".",
        "Publish exactly \"v=spf1 -all\" at " + domain + " (and a DMARC p=reject record).",
        List.of(domain));
  }
}
