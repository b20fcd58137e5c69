package dev.vigie.dns;

/**
 * Asks DNS one question. Every outcome, timeouts included, comes back as a {@link DnsAnswer}
 * status, never as an exception, so checks can tell "temporary" from "invalid".
 *
 * <p>The checks (SPF, DMARC, DKIM…) are written against this interface only: in tests a stub built
 * from zone data answers; in production a dnsjava-based client with cache, timeouts, bounded
 * concurrency and DNSSEC validation does.
 */
public interface DnsClient {
  DnsAnswer lookup(String name, RecordType type);
}
