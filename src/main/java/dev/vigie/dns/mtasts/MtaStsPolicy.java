package dev.vigie.dns.mtasts;

import java.util.List;

/**
 * A valid MTA-STS policy file (RFC 8461 §3.2).
 *
 * @param mode enforce, testing or none
 * @param maxAge seconds senders may cache the policy, 0 to 31557600
 * @param mxPatterns the mx lines, lower-cased: host names, or "*." and a domain
 * @param extensions the names of unknown keys, which senders ignore
 */
public record MtaStsPolicy(
    PolicyMode mode, long maxAge, List<String> mxPatterns, List<String> extensions) {

  public MtaStsPolicy {
    mxPatterns = List.copyOf(mxPatterns);
    extensions = List.copyOf(extensions);
  }

  /** True when some mx pattern matches the host (RFC 8461 §4.1). */
  public boolean covers(String mxHost) {
    return mxPatterns.stream().anyMatch(p -> MxPatterns.matches(p, mxHost));
  }
}
