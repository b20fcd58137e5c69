package dev.vigie.web.page;

import dev.vigie.web.Html;
import dev.vigie.web.WebApp;
import io.javalin.http.Context;

/**
 * The analytics sections of the domain page (compliance, sources by sending service, the road to
 * p=reject) drawn from {@code dev.vigie.road}; empty until that package is merged.
 */
final class DomainSections {
  private DomainSections() {}

  static void beforeFindings(WebApp app, Context ctx, Html h) {
    // filled in when dev.vigie.road is available
  }
}
