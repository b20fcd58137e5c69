package dev.vigie.report.failure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.report.output.FailureReportCsv;
import dev.vigie.report.output.FailureReportJson;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parsedmarc-shaped JSON object and CSV row of a failure report. */
class FailureReportOutputTest {
  private final ObjectMapper mapper = new ObjectMapper();

  private JsonNode json(FailureReport r) throws Exception {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
      FailureReportJson.write(g, r);
    }
    return mapper.readTree(out.toString());
  }

  @Test
  void write_neteaseReport_parsedmarcFieldNames() throws Exception {
    JsonNode j = json(FailureReportParserSamplesTest.parse(FailureReportParserSamplesTest.NETEASE));
    assertThat(j.get("feedback_type").asText()).isEqualTo("auth-failure");
    assertThat(j.get("arrival_date").asText()).isEqualTo("2018-09-28T08:48:42Z");
    assertThat(j.get("arrival_date_utc").asText()).isEqualTo("2018-09-28T08:48:42Z");
    assertThat(j.get("source").get("ip_address").asText()).isEqualTo("167.89.69.24");
    assertThat(j.get("source").get("country").isNull()).isTrue();
    assertThat(j.get("reported_domain").asText()).isEqualTo("cardinal.com");
    assertThat(j.get("original_rcpt_to").isNull()).isTrue();
    assertThat(j.get("authentication_mechanisms").toString()).isEqualTo("[\"spf\",\"dkim\"]");
    assertThat(j.get("auth_failure").isArray()).isTrue();
    assertThat(j.get("sample_headers_only").asBoolean()).isTrue();
    assertThat(j.get("sample").asText()).startsWith("Received: by filter1356p1mdw1");
    assertThat(j.get("parsed_sample").get("subject").asText()).isEqualTo("Rent Reminder");
    assertThat(j.get("parsed_sample").get("date").asText()).isEqualTo("2018-09-28T08:48:39Z");
    assertThat(j.get("origin").asText()).isEqualTo(FailureReportParserSamplesTest.NETEASE);
    assertThat(j.get("warnings")).hasSize(1);
  }

  @Test
  void rows_eximReport_oneRowMatchingHeader() {
    FailureReport r = FailureReportParserSamplesTest.parse(FailureReportParserSamplesTest.EXIM);
    List<List<String>> rows = FailureReportCsv.rows(r);
    assertThat(rows).hasSize(1);
    List<String> header = FailureReportCsv.header();
    List<String> row = rows.get(0);
    assertThat(row).hasSameSizeAs(header);
    assertThat(row.get(header.indexOf("source_ip_address"))).isEqualTo("203.0.113.68");
    assertThat(row.get(header.indexOf("reported_domain"))).isEqualTo("example.com");
    assertThat(row.get(header.indexOf("arrival_date"))).isEqualTo("2025-04-07T21:16:09Z");
    assertThat(row.get(header.indexOf("subject"))).isEqualTo("Payment from your account.");
    assertThat(row.get(header.indexOf("auth_failure"))).isEqualTo("dmarc");
    assertThat(row.get(header.indexOf("sample_headers_only"))).isEqualTo("true");
    assertThat(row.get(header.indexOf("source_country"))).isNull();
  }
}
