package dev.vigie.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server (Debian package postgresql) started for the tests: initdb into a temp
 * folder, listening on 127.0.0.1 and a free port, trust authentication for the local test role.
 * As root it runs as the "postgres" system user (PostgreSQL refuses to run as root).
 */
public final class LocalPostgres implements AutoCloseable {
  private final Path dir;
  private final int port;
  private final String bin;

  private LocalPostgres(Path dir, int port, String bin) {
    this.dir = dir;
    this.port = port;
    this.bin = bin;
  }

  public static String binDir() {
    try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions.sorted().reduce((a, b) -> b).map(p -> p.resolve("bin").toString())
          .filter(b -> Files.isExecutable(Path.of(b, "initdb"))).orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  public static boolean available() {
    return binDir() != null;
  }

  public static LocalPostgres start() throws IOException, InterruptedException {
    String bin = binDir();
    Path dir = Files.createTempDirectory(Path.of("/tmp"), "vigie-pg");
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    LocalPostgres pg = new LocalPostgres(dir, port, bin);
    if (isRoot()) {
      run(List.of("chown", "postgres:postgres", dir.toString()));
    }
    pg.asPostgres(bin + "/initdb", "-D", dir.resolve("data").toString(), "-U", "vigie",
        "-A", "trust", "-E", "UTF8", "--no-sync");
    pg.asPostgres(bin + "/pg_ctl", "-D", dir.resolve("data").toString(), "-w", "-t", "30",
        "-l", dir.resolve("log").toString(), "-o",
        "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir + " -c fsync=off", "start");
    return pg;
  }

  /** A fresh, empty database for one test run. */
  public String createDatabase(String name) throws IOException, InterruptedException {
    asPostgres(bin + "/createdb", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "vigie", name);
    return jdbcUrl(name);
  }

  public String jdbcUrl(String db) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + db + "?user=vigie";
  }

  private void asPostgres(String... cmd) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (isRoot()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(cmd));
    run(full);
  }

  private static void run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed: " + out);
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  @Override
  public void close() {
    try {
      asPostgres(bin + "/pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "stop");
    } catch (IOException | InterruptedException e) {
      // best effort: the temp folder goes with the machine
    }
  }
}
