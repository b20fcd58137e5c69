/**
 * A realistic demo MSP ({@link dev.vigie.demo.DemoData}): clients, domains at every stage of the
 * road to p=reject, and three months of generated reports loaded through the real ingestion path.
 */
@NullMarked
package dev.vigie.demo;

import org.jspecify.annotations.NullMarked;
