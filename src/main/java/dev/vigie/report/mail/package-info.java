/** Emails reduced to headers and leaf parts, read with mime4j. */
@NullMarked
package dev.vigie.report.mail;

import org.jspecify.annotations.NullMarked;
