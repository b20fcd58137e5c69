package dev.vigie.dns.mx;

import java.util.List;

/**
 * One mail exchanger of a domain, with what DNS says about its addresses.
 *
 * @param addresses its A and AAAA records
 * @param reverseNames for each address, its PTR names (empty when none)
 * @param forwardConfirmed every address has a PTR name that resolves back to it (FCrDNS)
 */
public record MxHost(int preference, String host, List<String> addresses,
    List<List<String>> reverseNames, boolean forwardConfirmed) {}
