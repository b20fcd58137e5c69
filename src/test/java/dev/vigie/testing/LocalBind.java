package dev.vigie.testing;

import dev.vigie.dns.resolver.DnsSettings;
import dev.vigie.dns.resolver.DnsjavaClient;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real authoritative BIND 9 ({@code named}, Debian package bind9) serving the given zones on
 * 127.0.0.1 and a free port, for as long as the test holds it. No recursion, no network beyond
 * loopback.
 */
public final class LocalBind implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path dir;

  private LocalBind(Process process, int port, Path dir) {
    this.process = process;
    this.port = port;
    this.dir = dir;
  }

  public static boolean available() {
    return Files.isExecutable(Path.of("/usr/sbin/named"));
  }

  /**
   * @param zones zone origin (e.g. "example.com") to zone-file text; $TTL and SOA/NS are added
   */
  public static LocalBind start(Path dir, Map<String, String> zones) throws IOException, InterruptedException {
    StringBuilder conf = new StringBuilder();
    int i = 0;
    for (Map.Entry<String, String> z : zones.entrySet()) {
      String file = "zone" + (i++) + ".db";
      Files.writeString(dir.resolve(file), zoneFile(z.getKey(), z.getValue()));
      conf.append(zoneStatement(z.getKey(), file));
    }
    return start(dir, conf.toString(), java.util.List.of("127.0.0.1"));
  }

  /** A zone file for {@code origin} with the SOA and NS (and the NS's address) it needs. */
  public static String zoneFile(String origin, String body) {
    String o = origin.equals(".") ? "." : origin + ".";
    return "$TTL 300\n$ORIGIN " + o + "\n"
        + "@ IN SOA ns.vigie-test. hostmaster.vigie-test. 1 3600 600 86400 60\n"
        + "@ IN NS ns.vigie-test.\n"
        + (origin.equals(".") ? "ns.vigie-test. IN A 127.0.0.1\n" : "") + body + "\n";
  }

  public static String zoneStatement(String origin, String file) {
    return "zone \"" + origin + "\" { type primary; file \"" + file + "\"; check-names ignore; };\n";
  }

  /**
   * @param zonesConf zone (or view) statements
   * @param listen loopback addresses to listen on (all of 127.0.0.0/8 is local on Linux)
   */
  public static LocalBind start(Path dir, String zonesConf, java.util.List<String> listen)
      throws IOException, InterruptedException {
    int port = freePort();
    StringBuilder conf = new StringBuilder();
    conf.append("options {\n  directory \"").append(dir).append("\";\n")
        .append("  listen-on port ").append(port).append(" { ").append(String.join("; ", listen))
        .append("; };\n")
        .append("  listen-on-v6 { none; };\n  recursion no;\n  dnssec-validation no;\n")
        .append("  pid-file \"").append(dir.resolve("named.pid")).append("\";\n")
        .append("  session-keyfile \"").append(dir.resolve("session.key")).append("\";\n")
        .append("  max-udp-size 4096;\n  minimal-responses no;\n};\n")
        .append("controls { };\n").append(zonesConf);
    Path confFile = dir.resolve("named.conf");
    Files.writeString(confFile, conf);
    Process p = new ProcessBuilder("/usr/sbin/named", "-g", "-c", confFile.toString(), "-n", "1")
        .redirectErrorStream(true).redirectOutput(dir.resolve("named.log").toFile()).start();
    LocalBind bind = new LocalBind(p, port, dir);
    bind.awaitReady();
    return bind;
  }

  /** Settings that ask this server only, with a 2 s timeout. */
  public DnsSettings settings() {
    return DnsSettings.system().withUpstream(address()).withTimeout(Duration.ofSeconds(2));
  }

  /** The production DNS client, asking this server. */
  public DnsjavaClient client() {
    return new DnsjavaClient(settings());
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  public int port() {
    return port;
  }

  private static final java.util.regex.Pattern READY =
      java.util.regex.Pattern.compile("(?m) running$");

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    Path log = dir.resolve("named.log");
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("named exited: " + Files.readString(log));
      }
      // "<time> running" once every zone is loaded; not the "running on Linux..." of the first
      // lines, which named writes before it reads its zones (a query then gets SERVFAIL)
      if (Files.exists(log) && READY.matcher(Files.readString(log)).find()) {
        return;
      }
      Thread.sleep(50);
    }
    close();
    throw new IOException("named did not start in 20 s: " + Files.readString(log));
  }

  private static int freePort() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int candidate;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        candidate = s.getLocalPort();
      }
      try (DatagramSocket u = new DatagramSocket(candidate, InetAddress.getLoopbackAddress())) {
        return candidate;
      } catch (IOException busy) {
        // taken for UDP: try another
      }
    }
    throw new IOException("no free port for named");
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
