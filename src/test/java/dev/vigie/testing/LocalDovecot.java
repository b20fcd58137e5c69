package dev.vigie.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A real Dovecot IMAP server (Debian package dovecot-imapd) on 127.0.0.1 and a free port, with
 * its configuration, users and Maildirs in a temporary directory of its own, for as long as the
 * test holds it. Runs in the foreground ({@code dovecot -F}); no system service is involved.
 *
 * <p>As root, mail belongs to {@code nobody} (Dovecot refuses mail access as root) and the
 * internal/login processes run as the package's {@code dovecot}/{@code dovenull} users; as any
 * other user, everything runs as that user.
 */
public final class LocalDovecot implements AutoCloseable {
  public static final String PASSWORD = "secret";
  private static final Path DOVECOT = Path.of("/usr/sbin/dovecot");
  private static final AtomicLong UNIQUE = new AtomicLong();

  private final Path dir;
  private final int port;
  private final int imapsPort;
  private final boolean tls;
  private final int mailUid;
  private final int mailGid;
  private Process process;

  /**
   * @param tls serve STARTTLS on {@link #port} and implicit TLS on {@link #imapsPort} with a fresh
   *     self-signed certificate for localhost / 127.0.0.1 ({@link #certificate})
   * @param capability replaces the advertised IMAP capabilities (e.g. without MOVE or IDLE), or
   *     null for Dovecot's own
   */
  private LocalDovecot(Path dir, boolean tls, String capability) throws IOException {
    this.dir = dir;
    this.tls = tls;
    this.port = freePort();
    this.imapsPort = tls ? freePort() : 0;
    boolean root = "root".equals(System.getProperty("user.name"));
    this.mailUid = root ? 65534 : (int) Files.getAttribute(dir, "unix:uid");
    this.mailGid = root ? 65534 : (int) Files.getAttribute(dir, "unix:gid");
    String internal = root ? "dovecot" : System.getProperty("user.name");
    String login = root ? "dovenull" : internal;
    for (String sub : new String[] {"run", "state", "home", "users"}) {
      Files.createDirectories(dir.resolve(sub));
    }
    if (tls) {
      selfSignedCertificate();
    }
    Files.writeString(dir.resolve("dovecot.conf"), config(internal, login, capability));
  }

  public static boolean available() {
    return Files.isExecutable(DOVECOT);
  }

  public static LocalDovecot start() throws IOException, InterruptedException {
    return start(false, null);
  }

  public static LocalDovecot start(boolean tls, String capability)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("vigie-dovecot");
    // Dovecot's unprivileged processes must reach the sockets and Maildirs below.
    Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString(
        "rwxr-xr-x"));
    LocalDovecot d = new LocalDovecot(dir, tls, capability);
    d.startServer();
    return d;
  }

  /**
   * Adds a user (password {@link #PASSWORD}) with an empty Maildir and returns its name, in lower
   * case as Dovecot's default {@code auth_username_format = %Lu} sees it. Each user has a
   * passwd-file of its own, so a user added while the server runs is known at once (Dovecot
   * re-reads a changed passwd-file at most once a second).
   */
  public String addUser(String name) throws IOException {
    String user = name.toLowerCase(java.util.Locale.ROOT);
    Path home = dir.resolve("home").resolve(user);
    for (String sub : new String[] {"tmp", "new", "cur"}) {
      Files.createDirectories(home.resolve("Maildir").resolve(sub));
    }
    chownTree(home);
    Path tmp = dir.resolve("users").resolve(user + ".tmp");
    Files.writeString(tmp, user + ":{PLAIN}" + PASSWORD + ":" + mailUid + ":" + mailGid + "::"
        + home + "::\n");
    Files.move(tmp, dir.resolve("users").resolve(user), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    return user;
  }

  /** Puts a message straight into a Maildir folder's {@code new/} (via {@code tmp/}, renamed). */
  public void deliver(String user, String folder, byte[] raw) throws IOException {
    Path maildir = folderDir(user, folder);
    for (String sub : new String[] {"tmp", "new", "cur"}) {
      if (!Files.isDirectory(maildir.resolve(sub))) {
        Files.createDirectories(maildir.resolve(sub));
        chownTree(maildir);
      }
    }
    String name = System.currentTimeMillis() / 1000 + ".V" + UNIQUE.incrementAndGet() + "M"
        + System.nanoTime() + ".vigie-test";
    Path tmp = maildir.resolve("tmp").resolve(name);
    Files.write(tmp, raw);
    chown(tmp);
    Files.move(tmp, maildir.resolve("new").resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  /** Messages in a folder, counted on disk ({@code new/} and {@code cur/}); 0 if none. */
  public int count(String user, String folder) throws IOException {
    int n = 0;
    for (String sub : new String[] {"new", "cur"}) {
      Path p = folderDir(user, folder).resolve(sub);
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          n += (int) s.count();
        }
      }
    }
    return n;
  }

  public boolean folderExists(String user, String folder) {
    return Files.isDirectory(folderDir(user, folder).resolve("cur"));
  }

  /** Stops the server (clients are disconnected) and starts it again on the same port. */
  public void restart() throws IOException, InterruptedException {
    stopServer();
    startServer();
  }

  public String host() {
    return "127.0.0.1";
  }

  public int port() {
    return port;
  }

  public int imapsPort() {
    return imapsPort;
  }

  /** The self-signed server certificate (PEM), when started with TLS. */
  public Path certificate() {
    return dir.resolve("cert.pem");
  }

  public String log() {
    try {
      return Files.readString(dir.resolve("dovecot.log"));
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() {
    stopServer();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temp dir left behind is harmless
    }
  }

  private Path folderDir(String user, String folder) {
    Path maildir = dir.resolve("home").resolve(user).resolve("Maildir");
    return folder.equalsIgnoreCase("INBOX") ? maildir : maildir.resolve("." + folder);
  }

  /** Starts the server (again), on the same ports. */
  public void startServer() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      process = new ProcessBuilder(DOVECOT.toString(), "-F", "-c",
          dir.resolve("dovecot.conf").toString())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile()))
          .start();
      if (awaitGreeting(port, deadline) && (!tls || awaitGreeting(imapsPort, deadline))) {
        return;
      }
      if (process.isAlive() || System.nanoTime() > deadline) {
        stopServer();
        throw new IOException("dovecot did not start: " + Files.readString(
            dir.resolve("stdout.log")) + log());
      }
      Thread.sleep(200); // e.g. the old listener not closed yet: try again
    }
  }

  /** Waits until the port accepts connections; false if the process exited first. */
  private boolean awaitGreeting(int p, long deadline) throws InterruptedException {
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        return false;
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), p), 500);
        return true;
      } catch (IOException notYet) {
        Thread.sleep(25);
      }
    }
    return false;
  }

  /** Stops the server; its clients are disconnected. */
  public void stopServer() {
    Process p = process;
    if (p == null) {
      return;
    }
    List<ProcessHandle> children = p.descendants().toList();
    p.destroy();
    try {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
      // The master stops its children itself; make sure none keeps the listening socket.
      children.forEach(ProcessHandle::destroy);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /**
   * 127.0.0.2 is served too: a loopback address the TLS certificate does not name. inotify tells
   * IDLE about new files at once (the check interval is a fallback). Throwaway mail needs no fsync.
   * The login and anvil processes are not chrooted, so that the server also runs unprivileged.
   */
  private String config(String internal, String login, String capability) {
    return """
        listen = 127.0.0.1, 127.0.0.2
        protocols = imap
        base_dir = %1$s/run
        state_dir = %1$s/state
        log_path = %1$s/dovecot.log
        default_internal_user = %2$s
        default_login_user = %3$s
        first_valid_uid = 1
        disable_plaintext_auth = no
        auth_mechanisms = plain login
        mail_location = maildir:~/Maildir
        mailbox_idle_check_interval = 1 secs
        mail_fsync = never
        %4$s
        %5$s
        passdb {
          driver = passwd-file
          args = %1$s/users/%%u
        }
        userdb {
          driver = passwd-file
          args = %1$s/users/%%u
        }
        service imap-login {
          chroot =
          inet_listener imap {
            port = %6$d
          }
          inet_listener imaps {
            port = %7$d
          }
        }
        service anvil {
          chroot =
        }
        """.formatted(dir, internal, login,
        tls ? "ssl = yes\nssl_cert = <" + dir + "/cert.pem\nssl_key = <" + dir + "/key.pem"
            : "ssl = no",
        capability == null ? "" : "imap_capability = " + capability, port, imapsPort);
  }


  private void selfSignedCertificate() throws IOException {
    Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
        "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString(),
        "-days", "2", "-subj", "/CN=localhost",
        "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1")
        .redirectErrorStream(true).start();
    try (InputStream out = p.getInputStream()) {
      String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IOException("openssl failed: " + text);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private void chownTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        chown(p);
      }
    }
  }

  private void chown(Path p) throws IOException {
    if ((int) Files.getAttribute(p, "unix:uid") != mailUid) {
      Files.setAttribute(p, "unix:uid", mailUid);
      Files.setAttribute(p, "unix:gid", mailGid);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
