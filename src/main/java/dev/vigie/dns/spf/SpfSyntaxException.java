package dev.vigie.dns.spf;

/** An SPF record, term or macro-string breaks the RFC 7208 grammar: the result is permerror. */
final class SpfSyntaxException extends Exception {
  SpfSyntaxException(String message) {
    super(message);
  }
}
