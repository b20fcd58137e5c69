package dev.vigie.report.failure;

import dev.vigie.report.Report;
import dev.vigie.report.ReportKind;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A DMARC failure report (RFC 6591 over RFC 5965 ARF; RFC 7489 §7.3). Field names follow
 * parsedmarc's failure output. Every field a reporter may omit is nullable; each omission of a
 * field the RFCs require is also named in {@link #warnings()}.
 *
 * @param originalRcptTo every Original-Rcpt-To value, joined with ", " (RFC 5965 §3.2 allows many)
 * @param arrivalDate Arrival-Date, or the report email's Date when the reporter gave none
 * @param deliveryResult one of delivered, spam, policy, reject, other (RFC 6591 §3.1)
 * @param authFailure Auth-Failure values, lower-cased (RFC 6591 §3.1, "dmarc" per RFC 7489 §7.3)
 * @param authenticationMechanisms the mechanisms Identity-Alignment lists as aligned (empty for
 *     "none")
 * @param identityAlignment the Identity-Alignment field as received (RFC 7489 §7.3.1)
 * @param sourceIp the Source-IP literal, without brackets or trailing comments
 * @param sampleHeadersOnly true when the sample has no body (text/rfc822-headers, or nothing after
 *     the header block)
 * @param sample the original message or its headers as received, line endings normalised to LF
 */
public record FailureReport(
    String origin,
    List<String> warnings,
    @Nullable String feedbackType,
    @Nullable String userAgent,
    @Nullable String version,
    @Nullable String originalEnvelopeId,
    @Nullable String originalMailFrom,
    @Nullable String originalRcptTo,
    @Nullable Instant arrivalDate,
    @Nullable String authenticationResults,
    @Nullable String deliveryResult,
    List<String> authFailure,
    List<String> authenticationMechanisms,
    @Nullable String dkimDomain,
    @Nullable String reportedDomain,
    @Nullable String identityAlignment,
    @Nullable String sourceIp,
    boolean sampleHeadersOnly,
    String sample,
    SampleSummary parsedSample) implements Report {

  public FailureReport {
    warnings = List.copyOf(warnings);
    authFailure = List.copyOf(authFailure);
    authenticationMechanisms = List.copyOf(authenticationMechanisms);
  }

  @Override
  public ReportKind kind() {
    return ReportKind.FAILURE;
  }
}
