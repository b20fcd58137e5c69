/**
 * The road to {@code p=reject}: a domain's stage, its DMARC compliance over time, its sources
 * grouped by sending service, what blocks the next stage, the next record to publish, a policy
 * simulator and the MSP overview.
 *
 * <p>Everything here is a pure function of rows and records (no I/O), except {@link
 * dev.vigie.road.Insights}, the facade the web app calls, which reads the rows through {@link
 * dev.vigie.store.DashboardSql}. User-facing text is never built here: {@link Advice} carries a
 * message key and its arguments, translated by the web layer (English, French).
 */
@NullMarked
package dev.vigie.road;

import org.jspecify.annotations.NullMarked;
