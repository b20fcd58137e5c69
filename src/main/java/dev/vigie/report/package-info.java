/** Reports: the kinds, the limits that bound parsing, the failure type. The parsing core does no network or database I/O. */
@NullMarked
package dev.vigie.report;

import org.jspecify.annotations.NullMarked;
