package dev.vigie.dns;

/** The DNS record types Vigie's checks ask for. */
public enum RecordType {
  A, AAAA, MX, TXT, PTR, CNAME, NS, SOA, TLSA, DNSKEY, DS
}
