/**
 * The web app ({@code vigie serve}): server-rendered pages and the REST API over one store. Every
 * route is registered through {@link dev.vigie.web.ScopedRouter} with a {@link dev.vigie.web.Scope};
 * {@link dev.vigie.web.Guard} resolves the caller and refuses anything outside that scope before a
 * handler runs, and handlers read the tenant, client and domain from the resolved scope only.
 */
@NullMarked
package dev.vigie.web;

import org.jspecify.annotations.NullMarked;
