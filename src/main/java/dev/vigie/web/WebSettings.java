package dev.vigie.web;

import dev.vigie.report.ParseLimits;
import org.jspecify.annotations.Nullable;

/**
 * How {@code vigie serve} runs.
 *
 * @param publicUrl the address people reach Vigie at, for setup and invitation links
 * @param secureCookies mark cookies Secure (and use the {@code __Host-} prefix): behind TLS
 * @param reportAddress the MSP's report mailbox used in generated DMARC records, unless the tenant
 *     set its own
 */
public record WebSettings(String host, int port, String publicUrl, boolean secureCookies,
    @Nullable String reportAddress, ParseLimits limits) {

  public static WebSettings forTests() {
    return new WebSettings("127.0.0.1", 0, "http://127.0.0.1", false, "dmarc@reports.msp.example",
        ParseLimits.defaults());
  }
}
