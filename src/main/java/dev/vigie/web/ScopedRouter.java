package dev.vigie.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The only way routes are registered (ArchitectureTest fails the build otherwise): each one
 * declares its {@link Scope}, attached to the endpoint as a {@link RouteSpec} that {@link Guard}
 * enforces before the handler runs.
 */
public final class ScopedRouter {
  private final RoutesConfig routes;
  private final List<RouteSpec> registered = new ArrayList<>();

  public ScopedRouter(RoutesConfig routes) {
    this.routes = routes;
  }

  public void get(String path, Scope scope, Handler h) {
    add(HandlerType.GET, path, scope, false, "", h);
  }

  public void post(String path, Scope scope, Handler h) {
    add(HandlerType.POST, path, scope, false, "", h);
  }

  public void apiGet(String path, Scope scope, String summary, Handler h) {
    add(HandlerType.GET, path, scope, true, summary, h);
  }

  public void apiPost(String path, Scope scope, String summary, Handler h) {
    add(HandlerType.POST, path, scope, true, summary, h);
  }

  public void apiPut(String path, Scope scope, String summary, Handler h) {
    add(HandlerType.PUT, path, scope, true, summary, h);
  }

  public void apiDelete(String path, Scope scope, String summary, Handler h) {
    add(HandlerType.DELETE, path, scope, true, summary, h);
  }

  private void add(HandlerType method, String path, Scope scope, boolean api, String summary,
      Handler h) {
    if (scope == null) {
      throw new IllegalArgumentException(path + ": every route declares a scope");
    }
    RouteSpec spec = new RouteSpec(method, path, scope, api, summary);
    registered.add(spec);
    routes.addEndpoint(new Endpoint(method, path, h, Set.of(spec)));
  }

  /** Every route registered, for the OpenAPI document and its test. */
  public List<RouteSpec> registered() {
    return List.copyOf(registered);
  }
}
