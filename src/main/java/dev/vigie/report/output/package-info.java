/** Output shapes of parsed reports: parsedmarc-compatible JSON, JSON lines, CSV. */
@NullMarked
package dev.vigie.report.output;

import org.jspecify.annotations.NullMarked;
