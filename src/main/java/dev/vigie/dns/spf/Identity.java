package dev.vigie.dns.spf;

/**
 * The identity check_host() authorizes (RFC 7208 §2.4, §4.3).
 *
 * @param sender "local-part@domain": the %{s} value
 * @param localPart "postmaster" when the MAIL FROM has none (§4.3)
 * @param senderDomain the %{o} value and the first &lt;domain&gt;
 * @param helo the HELO/EHLO name: the %{h} value
 */
record Identity(String sender, String localPart, String senderDomain, String helo) {

  /**
   * From the SMTP envelope: an empty MAIL FROM (a bounce) checks "postmaster@" + HELO instead
   * (§2.4); a MAIL FROM without "@" is taken as a bare domain.
   */
  static Identity of(String mailFrom, String helo) {
    String from = mailFrom.strip();
    if (from.isEmpty()) {
      return new Identity("postmaster@" + helo, "postmaster", helo, helo);
    }
    int at = from.lastIndexOf('@');
    String local = at <= 0 ? "postmaster" : from.substring(0, at);
    String domain = at < 0 ? from : from.substring(at + 1);
    domain = DomainNames.stripDot(domain);
    return new Identity(local + "@" + domain, local, domain, helo);
  }
}
