/** The {@code vigie} command line: parse, bench. */
@NullMarked
package dev.vigie.cli;

import org.jspecify.annotations.NullMarked;
