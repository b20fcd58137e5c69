package dev.vigie.dns.mx;

import dev.vigie.check.Finding;
import java.util.List;

/**
 * The MX check of one domain.
 *
 * @param nullMx the domain says it accepts no mail (RFC 7505 "0 .")
 */
public record MxResult(String domain, List<MxHost> hosts, boolean nullMx, List<Finding> findings) {
  public List<String> hostNames() {
    return hosts.stream().map(MxHost::host).toList();
  }
}
