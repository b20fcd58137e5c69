/** Mail exchangers: presence, null MX, addresses, reverse and forward-confirmed DNS. */
@NullMarked
package dev.vigie.dns.mx;

import org.jspecify.annotations.NullMarked;
