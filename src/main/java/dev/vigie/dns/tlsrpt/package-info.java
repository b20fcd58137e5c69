/**
 * SMTP TLS Reporting (RFC 8460): the {@code _smtp._tls} TXT record that tells sending servers
 * where to report failed TLS connections. DNS is reached only through {@link
 * dev.vigie.dns.DnsClient}; parsing is pure.
 */
@NullMarked
package dev.vigie.dns.tlsrpt;

import org.jspecify.annotations.NullMarked;
