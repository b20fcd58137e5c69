/** Output shapes of domain checks: text and JSON. */
@NullMarked
package dev.vigie.check.output;

import org.jspecify.annotations.NullMarked;
