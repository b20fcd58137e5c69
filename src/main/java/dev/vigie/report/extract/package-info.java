/** Finding reports inside containers (gzip, zip, email, mbox), recognised by content. */
@NullMarked
package dev.vigie.report.extract;

import org.jspecify.annotations.NullMarked;
