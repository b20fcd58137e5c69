/** The store: one schema on DuckDB (embedded) or PostgreSQL; the raw archive, reports, rollups. */
@NullMarked
package dev.vigie.store;

import org.jspecify.annotations.NullMarked;
