/** DNSSEC status of a domain, read from a validating resolver. */
@NullMarked
package dev.vigie.dns.dnssec;

import org.jspecify.annotations.NullMarked;
