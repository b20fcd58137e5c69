package dev.vigie.dns.psl;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers another {@link OrganizationalDomains}' answers. Ingestion asks about the same few
 * thousand names (header From, DKIM d=, SPF domains) for every record; a Public Suffix List match
 * costs far more than a map lookup. Bounded: past {@code capacity} names it starts afresh, which
 * keeps memory flat under hostile input without the bookkeeping of an LRU.
 */
public final class MemoizedOrganizationalDomains implements OrganizationalDomains {
  private final OrganizationalDomains source;
  private final int capacity;
  private final ConcurrentHashMap<String, Optional<String>> answers = new ConcurrentHashMap<>();

  public MemoizedOrganizationalDomains(OrganizationalDomains source, int capacity) {
    this.source = source;
    this.capacity = capacity;
  }

  @Override
  public Optional<String> organizationalDomain(String domain) {
    Optional<String> known = answers.get(domain);
    if (known != null) {
      return known;
    }
    Optional<String> answer = source.organizationalDomain(domain);
    if (answers.size() >= capacity) {
      answers.clear();
    }
    answers.put(domain, answer);
    return answer;
  }
}
