package dev.vigie.dns.bimi;

import dev.vigie.check.Finding;
import dev.vigie.check.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * BIMI's DMARC requirements (BIMI draft, "DMARC policy" requirements): receivers show a logo
 * only when the domain's DMARC policy is enforced, p=quarantine or p=reject, with no sp=none and,
 * where pct is given, pct=100. Pure.
 */
final class DmarcPrerequisites {

  private static final String NO_LOGO = "Email programs will not show your logo because your "
      + "DMARC policy does not yet block forged email.";

  private DmarcPrerequisites() {}

  static List<Finding> check(String domain, DmarcInputs dmarc) {
    String example = "v=DMARC1; p=quarantine; rua=mailto:dmarc@" + domain;
    String fix = "Move the TXT record at _dmarc." + domain + " to an enforced policy, e.g. \""
        + example + "\" (or p=reject), once your DMARC reports show all legitimate mail passes.";
    List<Finding> findings = new ArrayList<>();
    String p = dmarc.policy();
    if (p == null) {
      findings.add(new Finding("bimi.dmarc-missing", Severity.ERROR,
          "Email programs will not show your logo because your domain has no DMARC record.",
          "BIMI requires a DMARC record with p=quarantine or p=reject; none was found for "
              + domain + ".",
          "Publish a TXT record at _dmarc." + domain + ", starting with \"v=DMARC1; p=none; "
              + "rua=mailto:dmarc@" + domain + "\", then move to \"" + example + "\".",
          List.of(domain)));
      return findings;
    }
    if (!p.equals("quarantine") && !p.equals("reject")) {
      findings.add(new Finding("bimi.dmarc-not-enforced", Severity.ERROR, NO_LOGO,
          "DMARC for " + domain + " has p=" + p + "; BIMI requires p=quarantine or p=reject.",
          fix, List.of(domain)));
    }
    String sp = dmarc.subdomainPolicy();
    if ("none".equals(sp)) {
      findings.add(new Finding("bimi.dmarc-subdomain-not-enforced", Severity.ERROR, NO_LOGO,
          "DMARC for " + domain + " has sp=none; BIMI requires subdomains to be enforced too.",
          "Remove sp=none from the TXT record at _dmarc." + domain
              + " (or set sp=quarantine or sp=reject).", List.of(domain)));
    }
    Integer pct = dmarc.percent();
    if (pct != null && pct != 100) {
      findings.add(new Finding("bimi.dmarc-pct-not-100", Severity.ERROR, NO_LOGO,
          "DMARC for " + domain + " has pct=" + pct + "; BIMI requires the policy to apply to "
              + "all mail (pct=100 or no pct).",
          "Remove pct=" + pct + " from the TXT record at _dmarc." + domain + ".",
          List.of(domain, String.valueOf(pct))));
    }
    return findings;
  }
}
