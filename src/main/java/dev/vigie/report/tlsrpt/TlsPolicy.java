package dev.vigie.report.tlsrpt;

import java.util.List;

/**
 * One policy's results (RFC 8460 §4.3 "policies" entry).
 *
 * @param policyType tlsa, sts or no-policy-found (RFC 8460 §4.3)
 * @param policyStrings the policy-string lines, empty when not given
 * @param mxHostPatterns mx-host-pattern (or the RFC's own example name mx-host), empty when not
 *     given
 * @param successfulSessionCount summary total-successful-session-count
 * @param failedSessionCount summary total-failure-session-count
 */
public record TlsPolicy(
    String policyDomain,
    String policyType,
    List<String> policyStrings,
    List<String> mxHostPatterns,
    long successfulSessionCount,
    long failedSessionCount,
    List<TlsFailureDetail> failureDetails) {

  public TlsPolicy {
    policyStrings = List.copyOf(policyStrings);
    mxHostPatterns = List.copyOf(mxHostPatterns);
    failureDetails = List.copyOf(failureDetails);
  }
}
