/** SMTP TLS reports (RFC 8460): the JSON report and the email that carries it. */
@org.jspecify.annotations.NullMarked
package dev.vigie.report.tlsrpt;
