package dev.vigie.dns.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.vigie.check.Finding;
import dev.vigie.dns.DnsAnswer;
import dev.vigie.dns.DnsStatus;
import dev.vigie.dns.RecordType;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HttpsPolicyFetcher} against a real HTTPS server on 127.0.0.1 with a self-signed
 * certificate made by keytool for this run.
 */
class HttpsPolicyFetcherIntegrationTest {

  private static final char[] PASSWORD = "changeit".toCharArray();
  private static final String POLICY = MtaStsPolicyParserTest.RFC_EXAMPLE;

  @TempDir static Path dir;
  private static HttpsServer server;
  private static SSLContext trusting;
  private static String base;
  private static final AtomicInteger policyHits = new AtomicInteger();

  @BeforeAll
  static void startServer() throws Exception {
    Path keystore = dir.resolve("server.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "policy",
        "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
        "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
        "-keystore", keystore.toString(), "-storetype", "PKCS12",
        "-storepass", "changeit", "-keypass", "changeit")
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();

    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      keys.load(in, PASSWORD);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, PASSWORD);
    SSLContext serverContext = SSLContext.getInstance("TLS");
    serverContext.init(kmf.getKeyManagers(), null, null);

    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("policy", keys.getCertificate("policy"));
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    trusting = SSLContext.getInstance("TLS");
    trusting.init(null, tmf.getTrustManagers(), null);

    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
    server.createContext("/.well-known/mta-sts.txt", ex -> {
      policyHits.incrementAndGet();
      respond(ex, 200, "text/plain", POLICY.getBytes(StandardCharsets.UTF_8));
    });
    server.createContext("/html/.well-known/mta-sts.txt",
        ex -> respond(ex, 200, "text/html; charset=utf-8", POLICY.getBytes(StandardCharsets.UTF_8)));
    server.createContext("/moved/.well-known/mta-sts.txt", ex -> {
      ex.getResponseHeaders().add("Location", base + "/.well-known/mta-sts.txt");
      respond(ex, 301, "text/html", new byte[0]);
    });
    server.createContext("/huge/.well-known/mta-sts.txt",
        ex -> respond(ex, 200, "text/plain", new byte[HttpsPolicyFetcher.MAX_BODY_BYTES + 1]));
    server.createContext("/", ex -> respond(ex, 404, "text/plain",
        "not found".getBytes(StandardCharsets.UTF_8)));
    server.start();
    base = "https://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static void respond(HttpExchange ex, int status, String type, byte[] body)
      throws IOException {
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      ex.getResponseBody().write(body);
    }
    ex.close();
  }

  /** The checker, with mta-sts.example.com served by the local server under {@code prefix}. */
  private static MtaStsResult checkServedAt(String prefix) {
    HttpsPolicyFetcher fetcher = new HttpsPolicyFetcher(trusting);
    PolicyFetcher local = uri -> fetcher.fetch(URI.create(base + prefix + uri.getPath()));
    return new MtaStsChecker((n, t) -> n.equals("_mta-sts.example.com") && t == RecordType.TXT
        ? DnsAnswer.of(n, t, DnsStatus.NOERROR, List.of("v=STSv1; id=20240601"))
        : DnsAnswer.of(n, t, DnsStatus.NXDOMAIN, List.of()), local)
        .check("example.com", List.of("mail.example.com", "mx2.example.net"));
  }

  private static List<String> codes(MtaStsResult r) {
    return r.findings().stream().map(Finding::code).toList();
  }

  @Test
  void fetch_servesPolicyOverVerifiedTls() {
    FetchResult result = new HttpsPolicyFetcher(trusting)
        .fetch(URI.create(base + "/.well-known/mta-sts.txt"));
    assertThat(result).isInstanceOfSatisfying(FetchResult.Response.class, r -> {
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.mediaType()).isEqualTo("text/plain");
      assertThat(r.text()).isEqualTo(POLICY);
    });
    MtaStsResult checked = checkServedAt("");
    assertThat(checked.findings()).isEmpty();
    assertThat(checked.policy().mxPatterns()).containsExactly("mail.example.com",
        "*.example.net", "backupmx.example.com");
  }

  @Test
  void fetch_wrongContentTypeIsWarned() {
    MtaStsResult checked = checkServedAt("/html");
    assertThat(codes(checked)).containsExactly("mtasts.policy-content-type");
    assertThat(checked.policy()).isNotNull();
  }

  @Test
  void fetch_notFound() {
    FetchResult result = new HttpsPolicyFetcher(trusting).fetch(URI.create(base + "/nothing"));
    assertThat(result).isInstanceOfSatisfying(FetchResult.Response.class,
        r -> assertThat(r.status()).isEqualTo(404));
    assertThat(codes(checkServedAt("/missing"))).containsExactly("mtasts.policy-http-status");
  }

  @Test
  void fetch_redirectIsNotFollowed() {
    int before = policyHits.get();
    FetchResult result = new HttpsPolicyFetcher(trusting)
        .fetch(URI.create(base + "/moved/.well-known/mta-sts.txt"));
    assertThat(result).isInstanceOfSatisfying(FetchResult.Response.class, r -> {
      assertThat(r.status()).isEqualTo(301);
      assertThat(r.location()).isEqualTo(base + "/.well-known/mta-sts.txt");
    });
    MtaStsResult checked = checkServedAt("/moved");
    assertThat(codes(checked)).containsExactly("mtasts.policy-redirect");
    assertThat(checked.policy()).isNull();
    assertThat(policyHits.get()).isEqualTo(before);
  }

  @Test
  void fetch_bodyOverCapIsRefused() {
    FetchResult result = new HttpsPolicyFetcher(trusting)
        .fetch(URI.create(base + "/huge/.well-known/mta-sts.txt"));
    assertThat(result).isInstanceOfSatisfying(FetchResult.Failure.class,
        f -> assertThat(f.kind()).isEqualTo(FetchResult.Kind.TOO_LARGE));
  }

  @Test
  void fetch_untrustedCertificateIsRefusedByDefault() {
    // The production constructor trusts only the JDK trust store, not our self-signed cert.
    FetchResult result = new HttpsPolicyFetcher()
        .fetch(URI.create(base + "/.well-known/mta-sts.txt"));
    assertThat(result).isInstanceOfSatisfying(FetchResult.Failure.class,
        f -> assertThat(f.kind()).isEqualTo(FetchResult.Kind.CERTIFICATE));
  }

  @Test
  void fetch_plainHttpIsNeverTried() {
    FetchResult result = new HttpsPolicyFetcher(trusting)
        .fetch(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"));
    assertThat(result).isInstanceOfSatisfying(FetchResult.Failure.class,
        f -> assertThat(f.kind()).isEqualTo(FetchResult.Kind.NOT_HTTPS));
  }
}
