/** DNS questions and answers as the posture checks see them; the resolver behind them is pluggable. */
@NullMarked
package dev.vigie.dns;

import org.jspecify.annotations.NullMarked;
