package dev.vigie.ingest.imap;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to reach one report mailbox and what to do with its messages.
 *
 * @param host IMAP server name or address
 * @param port 993 for {@link Security#IMAPS}, 143 otherwise, unless the provider says different
 * @param security how the connection is protected
 * @param username login name
 * @param password login password (never logged)
 * @param folder where reports arrive, usually {@code INBOX}
 * @param archiveFolder where a message goes once its reports are stored; created when missing
 * @param invalidFolder where a message goes when it held no report at all (only quarantined
 *     documents); created when missing
 * @param pollInterval how long to wait between checks when the server has no IDLE (RFC 2177)
 * @param trustStore certificates to trust instead of the JDK's, e.g. a private CA (PKCS#12 or JKS)
 * @param trustStorePassword password of {@code trustStore}, if it has one
 * @param insecureTrustAll accept any certificate and host name: tests only, never in production
 * @param connectTimeout TCP connect time limit
 * @param readTimeout how long one server answer may take; IDLE is re-issued well before it
 * @param batchSize messages whose UID and size are fetched in one command
 * @param maxMessageBytes larger messages are not downloaded but moved to {@code invalidFolder}
 * @param retryMin first pause after a lost connection; doubled on each failure
 * @param retryMax longest pause between reconnection attempts
 */
public record ImapSettings(
    String host,
    int port,
    Security security,
    String username,
    String password,
    String folder,
    String archiveFolder,
    String invalidFolder,
    Duration pollInterval,
    @Nullable Path trustStore,
    @Nullable String trustStorePassword,
    boolean insecureTrustAll,
    Duration connectTimeout,
    Duration readTimeout,
    int batchSize,
    long maxMessageBytes,
    Duration retryMin,
    Duration retryMax) {

  /** RFC 2177 §3: a client must re-issue IDLE at least every 29 minutes; we use less. */
  static final Duration MAX_IDLE = Duration.ofMinutes(25);

  /** How the connection is protected. */
  public enum Security {
    /** TLS from the first byte (RFC 8314 implicit TLS, port 993). */
    IMAPS,
    /** Plain connection upgraded with STARTTLS (RFC 3501 §6.2.1); refused if the server can't. */
    STARTTLS,
    /** No TLS at all: allowed only to a loopback address, for tests. */
    PLAIN
  }

  public ImapSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    if (host.isBlank()) {
      throw new IllegalArgumentException("IMAP host is empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("IMAP port out of range: " + port);
    }
    if (security == Security.PLAIN && !isLoopback(host)) {
      throw new IllegalArgumentException("IMAP without TLS is only allowed to a loopback"
          + " address, not " + host + ": use IMAPS or STARTTLS");
    }
    for (String f : new String[] {folder, archiveFolder, invalidFolder}) {
      if (f == null || f.isBlank()) {
        throw new IllegalArgumentException("IMAP folder names must not be empty");
      }
    }
    if (folder.equals(archiveFolder) || folder.equals(invalidFolder)) {
      throw new IllegalArgumentException(
          "the archive and invalid folders must differ from " + folder);
    }
    requirePositive(pollInterval, "poll interval");
    requirePositive(connectTimeout, "connect timeout");
    requirePositive(readTimeout, "read timeout");
    requirePositive(retryMin, "retry pause");
    requirePositive(retryMax, "longest retry pause");
    if (batchSize < 1 || maxMessageBytes < 1) {
      throw new IllegalArgumentException("batch size and message size limit must be positive");
    }
  }

  /** Defaults: IMAPS on 993, INBOX → Archive / Invalid, 1 min polling, 30 s / 5 min timeouts. */
  public static Builder builder(String host, String username, String password) {
    return new Builder(host, username, password);
  }

  /** How long one IDLE lasts before it is re-issued: under 29 minutes and the read timeout. */
  Duration idleRenewal() {
    Duration beforeTimeout = readTimeout.multipliedBy(4).dividedBy(5);
    return beforeTimeout.compareTo(MAX_IDLE) < 0 ? beforeTimeout : MAX_IDLE;
  }

  /** {@code imap://user@host[:port]/folder}, for log lines and {@link dev.vigie.ingest.Source}. */
  String mailboxUrl() {
    int defaultPort = security == Security.IMAPS ? 993 : 143;
    // RFC 5092 §3 / RFC 3986 §3.2.1: an '@' or ':' inside the user name must be percent-encoded.
    String user = username.replace("%", "%25").replace("@", "%40").replace(":", "%3A")
        .replace("/", "%2F");
    return "imap://" + user + "@" + host + (port == defaultPort ? "" : ":" + port) + "/" + folder;
  }

  @Override
  public String toString() {
    return "ImapSettings[" + mailboxUrl() + ", " + security + "]";
  }

  static boolean isLoopback(String host) {
    String h = host.toLowerCase(java.util.Locale.ROOT);
    return h.equals("localhost") || h.matches("127(\\.\\d{1,3}){3}") || h.equals("::1")
        || h.equals("[::1]");
  }

  private static void requirePositive(@Nullable Duration d, String what) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("IMAP " + what + " must be positive");
    }
  }

  /** Fills the defaults; every setter returns this. */
  public static final class Builder {
    private final String host;
    private final String username;
    private final String password;
    private int port = -1;
    private Security security = Security.IMAPS;
    private String folder = "INBOX";
    private String archiveFolder = "Archive";
    private String invalidFolder = "Invalid";
    private Duration pollInterval = Duration.ofMinutes(1);
    private @Nullable Path trustStore;
    private @Nullable String trustStorePassword;
    private boolean insecureTrustAll;
    private Duration connectTimeout = Duration.ofSeconds(30);
    private Duration readTimeout = Duration.ofMinutes(5);
    private int batchSize = 500;
    private long maxMessageBytes = 32L * 1024 * 1024;
    private Duration retryMin = Duration.ofSeconds(1);
    private Duration retryMax = Duration.ofMinutes(5);

    private Builder(String host, String username, String password) {
      this.host = host;
      this.username = username;
      this.password = password;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder security(Security security) {
      this.security = security;
      return this;
    }

    public Builder folders(String folder, String archiveFolder, String invalidFolder) {
      this.folder = folder;
      this.archiveFolder = archiveFolder;
      this.invalidFolder = invalidFolder;
      return this;
    }

    public Builder pollInterval(Duration pollInterval) {
      this.pollInterval = pollInterval;
      return this;
    }

    public Builder trustStore(Path trustStore, @Nullable String password) {
      this.trustStore = trustStore;
      this.trustStorePassword = password;
      return this;
    }

    /** Accepts any server certificate. For tests against a throwaway server only. */
    public Builder insecureTrustAll(boolean insecureTrustAll) {
      this.insecureTrustAll = insecureTrustAll;
      return this;
    }

    public Builder timeouts(Duration connectTimeout, Duration readTimeout) {
      this.connectTimeout = connectTimeout;
      this.readTimeout = readTimeout;
      return this;
    }

    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    public Builder maxMessageBytes(long maxMessageBytes) {
      this.maxMessageBytes = maxMessageBytes;
      return this;
    }

    public Builder retry(Duration retryMin, Duration retryMax) {
      this.retryMin = retryMin;
      this.retryMax = retryMax;
      return this;
    }

    public ImapSettings build() {
      int p = port > 0 ? port : security == Security.IMAPS ? 993 : 143;
      return new ImapSettings(host, p, security, username, password, folder, archiveFolder,
          invalidFolder, pollInterval, trustStore, trustStorePassword, insecureTrustAll,
          connectTimeout, readTimeout, batchSize, maxMessageBytes, retryMin, retryMax);
    }
  }
}
