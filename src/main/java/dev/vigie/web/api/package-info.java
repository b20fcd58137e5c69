/** Part of the web app; see {@link dev.vigie.web}. */
@NullMarked
package dev.vigie.web.api;

import org.jspecify.annotations.NullMarked;
