package dev.vigie.report.output;

import dev.vigie.report.tlsrpt.TlsFailureDetail;
import dev.vigie.report.tlsrpt.TlsPolicy;
import dev.vigie.report.tlsrpt.TlsReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * parsedmarc's SMTP TLS CSV: per policy one summary row, then one row per failure detail. Unlike
 * parsedmarc, detail rows also carry their policy's domain and type (parsedmarc leaves them empty,
 * and lets one policy's policy_strings leak into the next policy's rows).
 */
public final class TlsReportCsv {
  private static final List<String> HEADER = List.of("organization_name", "begin_date",
      "end_date", "report_id", "result_type", "successful_session_count", "failed_session_count",
      "policy_domain", "policy_type", "policy_strings", "mx_host_patterns", "sending_mta_ip",
      "receiving_ip", "receiving_mx_hostname", "receiving_mx_helo", "additional_info_uri",
      "failure_reason_code", "origin");

  private TlsReportCsv() {}

  public static List<String> header() {
    return HEADER;
  }

  public static List<List<String>> rows(TlsReport r) {
    Timestamps ts = new Timestamps();
    String begin = ts.format(r.beginDate());
    String end = ts.format(r.endDate());
    List<List<String>> rows = new ArrayList<>();
    for (TlsPolicy p : r.policies()) {
      String strings = String.join("|", p.policyStrings());
      String mx = String.join("|", p.mxHostPatterns());
      rows.add(Arrays.asList(r.organizationName(), begin, end, r.reportId(), null,
          Long.toString(p.successfulSessionCount()), Long.toString(p.failedSessionCount()),
          p.policyDomain(), p.policyType(), strings, mx, null, null, null, null, null, null,
          r.origin()));
      for (TlsFailureDetail d : p.failureDetails()) {
        rows.add(Arrays.asList(r.organizationName(), begin, end, r.reportId(), d.resultType(),
            null, Long.toString(d.failedSessionCount()), p.policyDomain(), p.policyType(),
            strings, mx, d.sendingMtaIp(), d.receivingIp(), d.receivingMxHostname(),
            d.receivingMxHelo(), d.additionalInfoUri(), d.failureReasonCode(), r.origin()));
      }
    }
    return rows;
  }
}
