package dev.vigie.report.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.report.output.TlsReportCsv;
import dev.vigie.report.output.TlsReportJson;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parsedmarc-shaped JSON object and CSV rows of a TLS report. */
class TlsReportOutputTest {
  @Test
  void write_rfc8460Example_parsedmarcFieldNames() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    StringWriter out = new StringWriter();
    try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
      TlsReportJson.write(g, TlsReportParserSamplesTest.parse("smtp_tls/rfc8460.json"));
    }
    JsonNode j = mapper.readTree(out.toString());
    assertThat(j.get("organization_name").asText()).isEqualTo("Company-X");
    assertThat(j.get("begin_date").asText()).isEqualTo("2016-04-01T00:00:00Z");
    assertThat(j.get("end_date").asText()).isEqualTo("2016-04-01T23:59:59Z");
    assertThat(j.get("contact_info").asText()).isEqualTo("sts-reporting@company-x.example");
    assertThat(j.get("report_id").asText()).isEqualTo("5065427c-23d3-47ca-b6e0-946ea0e8c4be");
    JsonNode p = j.get("policies").get(0);
    assertThat(p.get("policy_domain").asText()).isEqualTo("company-y.example");
    assertThat(p.get("mx_host_patterns").toString()).isEqualTo("[\"*.mail.company-y.example\"]");
    assertThat(p.get("successful_session_count").asLong()).isEqualTo(5326);
    assertThat(p.get("failed_session_count").asLong()).isEqualTo(303);
    JsonNode d = p.get("failure_details").get(1);
    assertThat(d.get("result_type").asText()).isEqualTo("starttls-not-supported");
    assertThat(d.get("failed_session_count").asLong()).isEqualTo(200);
    assertThat(d.get("receiving_ip").asText()).isEqualTo("203.0.113.56");
    assertThat(d.get("additional_info_uri").asText()).startsWith("https://reports.company-x");
    assertThat(d.get("receiving_mx_helo").isNull()).isTrue();
    assertThat(j.get("origin").asText()).isEqualTo("smtp_tls/rfc8460.json");
    assertThat(j.get("warnings")).isEmpty();
  }

  @Test
  void rows_rfc8460Example_policyRowThenDetailRows() {
    List<String> h = TlsReportCsv.header();
    List<List<String>> rows = TlsReportCsv.rows(TlsReportParserSamplesTest.parse("smtp_tls/rfc8460.json"));
    assertThat(rows).hasSize(4).allSatisfy(r -> assertThat(r).hasSameSizeAs(h));
    List<String> summary = rows.get(0);
    assertThat(summary.get(h.indexOf("result_type"))).isNull();
    assertThat(summary.get(h.indexOf("successful_session_count"))).isEqualTo("5326");
    assertThat(summary.get(h.indexOf("failed_session_count"))).isEqualTo("303");
    assertThat(summary.get(h.indexOf("policy_strings"))).isEqualTo(
        "version: STSv1|mode: testing|mx: *.mail.company-y.example|max_age: 86400");
    List<String> last = rows.get(3);
    assertThat(Arrays.asList(last.get(h.indexOf("result_type")),
        last.get(h.indexOf("failed_session_count")), last.get(h.indexOf("sending_mta_ip")),
        last.get(h.indexOf("receiving_ip")), last.get(h.indexOf("policy_domain")),
        last.get(h.indexOf("failure_reason_code")), last.get(h.indexOf("begin_date"))))
        .containsExactly("validation-failure", "3", "198.51.100.62", "203.0.113.58",
            "company-y.example", "X509_V_ERR_PROXY_PATH_LENGTH_EXCEEDED", "2016-04-01T00:00:00Z");
  }
}
