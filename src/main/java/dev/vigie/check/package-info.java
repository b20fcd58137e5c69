/** Findings of the DNS posture checks, for the business owner and the technician. */
@NullMarked
package dev.vigie.check;

import org.jspecify.annotations.NullMarked;
