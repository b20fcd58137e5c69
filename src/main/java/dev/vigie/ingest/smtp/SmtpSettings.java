package dev.vigie.ingest.smtp;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the SMTP receiver listens and what it accepts.
 *
 * @param bindAddress where to listen ({@code 0.0.0.0} / {@code ::} for every interface)
 * @param port TCP port; 25 in production, 0 for a free one (tests)
 * @param hostname the name in the 220 greeting, the EHLO reply and the Received header; should
 *     be the name the MX record points at
 * @param acceptedRecipients report addresses: exact ({@code dmarc@msp.example}) or a whole domain
 *     ({@code @reports.msp.example}), compared without regard to case
 * @param maxMessageBytes the largest message accepted, advertised as SIZE (RFC 1870)
 * @param maxRecipients distinct recipients per message; RFC 5321 §4.5.3.1.8 asks for at least 100
 * @param maxConnections simultaneous connections in all
 * @param maxConnectionsPerPeer simultaneous connections from one IP address
 * @param maxCommands commands one connection may send before it is closed with 421
 * @param idleTimeout longest wait for the client to send anything (RFC 5321 §4.5.3.2.7: 5 min)
 * @param sessionTimeout longest a connection may last; a message being stored is not cut off
 * @param tls the certificate offered with STARTTLS (RFC 3207); null: no STARTTLS
 * @param requireTls refuse MAIL until STARTTLS has succeeded (RFC 3207 §4: 530 5.7.0)
 */
public record SmtpSettings(
    InetAddress bindAddress,
    int port,
    String hostname,
    List<String> acceptedRecipients,
    int maxMessageBytes,
    int maxRecipients,
    int maxConnections,
    int maxConnectionsPerPeer,
    int maxCommands,
    Duration idleTimeout,
    Duration sessionTimeout,
    @Nullable TlsIdentity tls,
    boolean requireTls) {

  /** Room left in a Java array for the Received header above the largest message. */
  private static final int MAX_MESSAGE_LIMIT = Integer.MAX_VALUE - 64 * 1024;

  public SmtpSettings {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(sessionTimeout, "sessionTimeout");
    acceptedRecipients = List.copyOf(acceptedRecipients);
    require(port >= 0 && port <= 65535, "port must be 0-65535: " + port);
    require(hostname.matches("[A-Za-z0-9.-]{1,253}"), "hostname must be a domain name: "
        + hostname);
    require(!acceptedRecipients.isEmpty(), "acceptedRecipients is empty: nothing would be accepted");
    acceptedRecipients.forEach(RecipientPolicy::validate);
    require(maxMessageBytes > 0 && maxMessageBytes <= MAX_MESSAGE_LIMIT,
        "maxMessageBytes must be 1-" + MAX_MESSAGE_LIMIT + ": " + maxMessageBytes);
    require(maxRecipients > 0, "maxRecipients must be positive");
    require(maxConnections > 0, "maxConnections must be positive");
    require(maxConnectionsPerPeer > 0, "maxConnectionsPerPeer must be positive");
    require(maxCommands > 0, "maxCommands must be positive");
    require(idleTimeout.toMillis() > 0, "idleTimeout must be positive");
    require(sessionTimeout.toMillis() > 0, "sessionTimeout must be positive");
    require(tls != null || !requireTls, "requireTls needs a TLS identity");
  }

  /**
   * Port 25 on every interface, 32 MiB messages, 100 recipients, 100 connections (10 per peer),
   * 1,000 commands, 5 minutes idle and 30 minutes in all per connection, no TLS.
   */
  public static SmtpSettings defaults(String hostname, List<String> acceptedRecipients) {
    return new SmtpSettings(anyAddress(), 25, hostname, acceptedRecipients, 32 * 1024 * 1024, 100,
        100, 10, 1000, Duration.ofMinutes(5), Duration.ofMinutes(30), null, false);
  }

  public SmtpSettings withBind(InetAddress address, int listenPort) {
    return new SmtpSettings(address, listenPort, hostname, acceptedRecipients, maxMessageBytes,
        maxRecipients, maxConnections, maxConnectionsPerPeer, maxCommands, idleTimeout,
        sessionTimeout, tls, requireTls);
  }

  public SmtpSettings withMessageLimits(int messageBytes, int recipients) {
    return new SmtpSettings(bindAddress, port, hostname, acceptedRecipients, messageBytes,
        recipients, maxConnections, maxConnectionsPerPeer, maxCommands, idleTimeout,
        sessionTimeout, tls, requireTls);
  }

  public SmtpSettings withConnectionLimits(int connections, int perPeer, int commands,
      Duration idle, Duration session) {
    return new SmtpSettings(bindAddress, port, hostname, acceptedRecipients, maxMessageBytes,
        maxRecipients, connections, perPeer, commands, idle, session, tls, requireTls);
  }

  public SmtpSettings withTls(@Nullable TlsIdentity identity, boolean required) {
    return new SmtpSettings(bindAddress, port, hostname, acceptedRecipients, maxMessageBytes,
        maxRecipients, maxConnections, maxConnectionsPerPeer, maxCommands, idleTimeout,
        sessionTimeout, identity, required);
  }

  private static InetAddress anyAddress() {
    return new java.net.InetSocketAddress(0).getAddress();
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
