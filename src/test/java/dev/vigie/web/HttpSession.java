package dev.vigie.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** One browser-like client: its own cookies, no automatic redirects, the page's CSRF token. */
class HttpSession {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  final @Nullable TestServer server;
  final CookieManager cookies = new CookieManager();
  final HttpClient client;
  @Nullable String csrf;
  @Nullable String bearer;
  @Nullable String baseOverride;

  HttpSession(@Nullable TestServer server) {
    this.server = server;
    this.client = HttpClient.newBuilder().cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base() + path)).GET());
  }

  HttpResponse<String> post(String path, Map<String, String> form) {
    Map<String, String> f = new LinkedHashMap<>(form);
    if (csrf != null && !f.containsKey("_csrf")) {
      f.put("_csrf", csrf);
    }
    return send(HttpRequest.newBuilder(URI.create(base() + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(encode(f))));
  }

  HttpResponse<String> postRaw(String path, String contentType, byte[] body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (csrf != null) {
      b.header("X-CSRF-Token", csrf);
    }
    return send(b);
  }

  HttpResponse<String> request(String method, String path, @Nullable String json) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    if (csrf != null) {
      b.header("X-CSRF-Token", csrf);
    }
    return send(b);
  }

  HttpResponse<String> send(HttpRequest.Builder b) {
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      Matcher m = CSRF.matcher(r.body());
      if (m.find()) {
        csrf = m.group(1);
      }
      return r;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String base() {
    return baseOverride != null ? baseOverride : server.base;
  }

  /** Password, then the TOTP code when the account has one. */
  void signIn(TestServer.Account a) {
    get("/login");
    HttpResponse<String> r = post("/login", Map.of("email", a.email(), "password",
        TestServer.PASSWORD));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    if (a.totpSecret() != null) {
      assertThat(r.headers().firstValue("Location")).hasValueSatisfying(
          l -> assertThat(l).startsWith("/login/totp"));
      get("/login/totp");
      r = post("/login/totp", Map.of("code", server.nextCode(a)));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    }
    get("/account");
  }

  @Nullable String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
        .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
  }

  static String encode(Map<String, String> form) {
    StringJoiner j = new StringJoiner("&");
    form.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return j.toString();
  }
}
