/** Check history: snapshots of each check and the changes between them, for alerting. */
@NullMarked
package dev.vigie.check.history;

import org.jspecify.annotations.NullMarked;
