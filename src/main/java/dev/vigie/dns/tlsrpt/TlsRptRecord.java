package dev.vigie.dns.tlsrpt;

import java.util.List;

/**
 * A valid TLS-RPT policy record (RFC 8460 §3).
 *
 * @param text the record as published (character-strings concatenated)
 * @param reportUris the rua URIs, in order; every one is a well-formed mailto: or https: URI
 * @param extensions the names of extension fields, which senders ignore (RFC 8460 §3)
 */
public record TlsRptRecord(String text, List<String> reportUris, List<String> extensions) {

  public TlsRptRecord {
    reportUris = List.copyOf(reportUris);
    extensions = List.copyOf(extensions);
  }
}
