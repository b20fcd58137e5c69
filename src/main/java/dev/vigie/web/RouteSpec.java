package dev.vigie.web;

import io.javalin.http.HandlerType;
import io.javalin.router.EndpointMetadata;

/**
 * What {@link ScopedRouter} attaches to every endpoint: its scope, whether it is an API route
 * (errors as problem+json, listed in the OpenAPI document) and a one-line summary for that document.
 */
public record RouteSpec(HandlerType method, String path, Scope scope, boolean api, String summary)
    implements EndpointMetadata {

  public boolean writes() {
    return !method.equals(HandlerType.GET) && !method.equals(HandlerType.HEAD);
  }
}
