/**
 * The organisational domain of a name according to the Public Suffix List (ICANN and PRIVATE
 * sections), as RFC 7489 §3.2 defines it and as checkdmarc computes it. Pure: the list is a
 * bundled snapshot, never fetched at run time.
 */
@NullMarked
package dev.vigie.dns.psl;

import org.jspecify.annotations.NullMarked;
