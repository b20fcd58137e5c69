package dev.vigie.report;

/** The three report families Vigie reads. The JSON names match parsedmarc's output keys. */
public enum ReportKind {
  AGGREGATE("aggregate"),
  FAILURE("failure"),
  SMTP_TLS("smtp_tls");

  private final String jsonName;

  ReportKind(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }
}
