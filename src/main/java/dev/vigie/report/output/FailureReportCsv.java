package dev.vigie.report.output;

import dev.vigie.report.failure.FailureReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One CSV row per failure report, with parsedmarc's column names. The source enrichment columns
 * are empty (enrichment is a separate step); subject and message_id are the sample's.
 */
public final class FailureReportCsv {
  private static final List<String> HEADER = List.of("feedback_type", "user_agent", "version",
      "original_envelope_id", "original_mail_from", "original_rcpt_to", "arrival_date",
      "arrival_date_utc", "subject", "message_id", "authentication_results", "dkim_domain",
      "source_ip_address", "source_country", "source_reverse_dns", "source_base_domain",
      "source_name", "source_type", "delivery_result", "auth_failure", "reported_domain",
      "authentication_mechanisms", "sample_headers_only", "origin");

  private FailureReportCsv() {}

  public static List<String> header() {
    return HEADER;
  }

  public static List<List<String>> rows(FailureReport r) {
    String arrival = FailureReportJson.date(new Timestamps(), r.arrivalDate());
    List<String> row = new ArrayList<>(Arrays.asList(r.feedbackType(), r.userAgent(), r.version(),
        r.originalEnvelopeId(), r.originalMailFrom(), r.originalRcptTo(), arrival, arrival,
        r.parsedSample().subject(), r.parsedSample().messageId(), r.authenticationResults(),
        r.dkimDomain(), r.sourceIp(), null, null, null, null, null, r.deliveryResult(),
        String.join(",", r.authFailure()), r.reportedDomain(),
        String.join(",", r.authenticationMechanisms()), Boolean.toString(r.sampleHeadersOnly()),
        r.origin()));
    return List.of(row);
  }
}
