package dev.vigie.dns.spf;

import dev.vigie.dns.DnsAnswer;
import dev.vigie.dns.DnsClient;
import dev.vigie.dns.DnsStatus;
import dev.vigie.dns.RecordType;
import org.jspecify.annotations.Nullable;

/**
 * RFC 7208 check_host(): is this client address allowed to send mail for this sender? Every DNS
 * question goes through the {@link DnsClient}; work is bounded by the §4.6.4 limits (10
 * DNS-querying terms, 2 void lookups, 10 MX and 10 PTR names), which also stop include and
 * redirect loops.
 *
 * <p>Thread-safe when the client is: each check keeps its state in its own {@link Evaluation}.
 */
public final class SpfEvaluator {
  private final DnsClient dns;
  private final SpfOptions options;

  public SpfEvaluator(DnsClient dns) {
    this(dns, SpfOptions.defaults());
  }

  public SpfEvaluator(DnsClient dns, SpfOptions options) {
    this.dns = dns;
    this.options = options;
  }

  /**
   * Checks the MAIL FROM identity, or "postmaster@" + HELO when MAIL FROM is empty (§2.4).
   *
   * @param ip the client's address, IPv4 or IPv6 text (IPv4-mapped IPv6 is treated as IPv4)
   * @param mailFrom the envelope sender, possibly empty
   * @param helo the HELO/EHLO name, possibly empty
   * @throws IllegalArgumentException when {@code ip} is not an IP address
   */
  public SpfResult check(String ip, String mailFrom, String helo) {
    Identity identity = Identity.of(mailFrom, helo);
    return checkHost(ip, identity.senderDomain(), identity);
  }

  /** check_host(ip, domain, sender) with an explicit &lt;domain&gt;, e.g. for a HELO check. */
  public SpfResult checkHost(String ip, String domain, String sender, String helo) {
    Identity from = Identity.of(sender, helo);
    return checkHost(ip, domain, from);
  }

  private SpfResult checkHost(String ip, String domain, Identity identity) {
    IpAddress address = IpAddress.parse(ip.strip());
    if (address == null) {
      throw new IllegalArgumentException("not an IP address: " + ip);
    }
    Evaluation run = new Evaluation(dns, options, address, identity);
    if (!DomainNames.isCheckable(domain)) {
      // §4.3: a malformed or single-label domain gives "none" without any lookup
      return new SpfResult(SpfVerdict.NONE, null, "\"" + MacroString.printable(domain)
          + "\" is not a multi-label domain name (§4.3)", 0, 0);
    }
    String name = DomainNames.stripDot(domain);
    try {
      Evaluation.Decision d = run.checkHost(name);
      String explanation = d.verdict() == SpfVerdict.FAIL ? explain(run, d) : null;
      return new SpfResult(d.verdict(), explanation, d.reason(), run.lookups(), run.voids());
    } catch (Evaluation.Abort abort) {
      return new SpfResult(abort.verdict, null, abort.getMessage(), run.lookups(), run.voids());
    }
  }

  /**
   * §6.2: the exp= of the record that decided (after redirect, never an included one), fetched
   * once after the result is known and not counted against any limit. Any problem with it (no
   * or several TXT records, DNS error, non-ASCII or bad macros) falls back to the default.
   */
  private String explain(Evaluation run, Evaluation.Decision d) {
    String fromExp = d.record() == null || d.record().explanation() == null ? null
        : explanationText(run, d.record().explanation(), d.domain());
    if (fromExp != null) {
      return fromExp;
    }
    try {
      MacroString fallback = MacroString.parse(options.defaultExplanation(), true);
      return MacroExpander.expand(fallback, run.values(d.domain()));
    } catch (SpfSyntaxException e) {
      return options.defaultExplanation();
    }
  }

  private @Nullable String explanationText(Evaluation run, MacroString exp, String domain) {
    String target = run.expandName(exp, domain);
    if (target == null) {
      return null;
    }
    DnsAnswer txt = dns.lookup(target, RecordType.TXT);
    if (txt.status() != DnsStatus.NOERROR || txt.records().size() != 1) {
      return null;
    }
    String text = txt.records().getFirst();
    if (!text.chars().allMatch(c -> c < 0x80)) {
      return null; // §6.2: explanation text is US-ASCII
    }
    try {
      return MacroExpander.expand(MacroString.parse(text, true), run.values(domain));
    } catch (SpfSyntaxException e) {
      return null;
    }
  }
}
