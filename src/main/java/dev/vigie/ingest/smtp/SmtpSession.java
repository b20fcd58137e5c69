package dev.vigie.ingest.smtp;

import dev.vigie.ingest.RawSink;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * One client connection, from the 220 greeting to QUIT: the receive-only subset of RFC 5321 that
 * a report address needs, with PIPELINING (RFC 2920), SIZE (RFC 1870), 8BITMIME (RFC 6152),
 * ENHANCEDSTATUSCODES (RFC 2034, codes from RFC 3463) and STARTTLS (RFC 3207).
 *
 * <p>Runs on its own virtual thread; {@link SmtpConnection} does the bytes and the time limits.
 */
final class SmtpSession implements Runnable {
  static final System.Logger LOG = System.getLogger("dev.vigie.ingest.smtp");
  /** RFC 5321 §4.5.3.1.4 allows 512 octets; extension parameters may raise it; we allow 1000. */
  private static final int MAX_COMMAND = 998;

  private final SmtpSettings settings;
  private final Delivery delivery;
  private final RecipientPolicy policy;
  private final @Nullable SSLContext tls;
  private final SmtpConnection conn;
  private final String peer;
  private @Nullable String helo;
  private boolean esmtp;
  private @Nullable String reversePath;
  private final Set<String> recipients = new LinkedHashSet<>();
  private int commands;
  private boolean ingesting; // guarded by this
  private @Nullable String stopReason; // guarded by this

  SmtpSession(Socket socket, SmtpSettings settings, RawSink sink, RecipientPolicy policy,
      @Nullable SSLContext tls, Clock clock) throws IOException {
    this.settings = settings;
    this.delivery = new Delivery(sink, settings.hostname(), clock);
    this.policy = policy;
    this.tls = tls;
    this.conn = new SmtpConnection(socket, settings.idleTimeout(), settings.sessionTimeout());
    this.peer = socket.getInetAddress().getHostAddress();
  }

  @Override
  public void run() {
    try {
      conn.reply("220 " + settings.hostname() + " ESMTP Vigie report receiver");
      commandLoop();
    } catch (SocketTimeoutException e) {
      String reason = conn.timeoutReason();
      LOG.log(Level.INFO, "smtp {0}: {1}, closing", peer, reason);
      conn.tryReply("421 4.4.2 " + settings.hostname() + " " + reason + ", closing");
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "smtp {0}: connection ended: {1}", peer, e.toString());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "smtp {0}: internal error: {1}", peer, e.toString());
      LOG.log(Level.DEBUG, "smtp internal error", e);
      conn.tryReply("421 4.3.0 " + settings.hostname() + " internal error, closing");
    } finally {
      conn.finish();
    }
  }

  /**
   * Ends the session from another thread (stop(), the session deadline): at once, unless a message
   * is being stored; then after its 250 or 451, with a 421 giving {@code reason}.
   */
  synchronized void shutdown(String reason) {
    stopReason = reason;
    if (!ingesting) {
      conn.close();
    }
  }

  private void commandLoop() throws IOException {
    while (true) {
      String line;
      try {
        line = conn.readLine(MAX_COMMAND);
      } catch (SmtpInput.LineTooLongException e) {
        if (countCommand()) {
          conn.reply("500 5.5.2 Line too long");
        }
        continue;
      }
      if (line == null) {
        return;
      }
      if (!countCommand() || !handle(line)) {
        return;
      }
    }
  }

  private boolean countCommand() throws IOException {
    if (++commands <= settings.maxCommands()) {
      return true;
    }
    LOG.log(Level.INFO, "smtp {0}: command budget used up, closing", peer);
    conn.reply("421 4.7.0 " + settings.hostname() + " too many commands, closing");
    return false;
  }

  /** @return false when the connection should close */
  private boolean handle(String line) throws IOException {
    int space = line.indexOf(' ');
    String verb = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
    String arg = space < 0 ? "" : line.substring(space + 1);
    switch (verb) {
      case "EHLO", "HELO" -> hello(verb.equals("EHLO"), arg);
      case "MAIL" -> mail(arg);
      case "RCPT" -> rcpt(arg);
      case "DATA" -> {
        return data(arg);
      }
      case "RSET" -> {
        resetTransaction();
        conn.reply("250 2.0.0 Ok");
      }
      case "NOOP" -> conn.reply("250 2.0.0 Ok");
      case "QUIT" -> {
        conn.reply("221 2.0.0 " + settings.hostname() + " closing connection");
        return false;
      }
      case "VRFY", "EXPN" -> conn.reply("502 5.5.1 " + verb + " not supported");
      case "AUTH" -> conn.reply("502 5.5.1 AUTH not supported: this server only receives reports");
      case "BDAT" -> conn.reply("502 5.5.1 CHUNKING not supported");
      case "HELP" -> conn.reply("214-2.0.0 Vigie receives DMARC and TLS reports for its report"
          + " addresses.\r\n214-2.0.0 Commands: EHLO HELO MAIL RCPT DATA RSET NOOP QUIT HELP"
          + (tls != null ? " STARTTLS" : "") + "\r\n214 2.0.0 End of HELP");
      case "STARTTLS" -> {
        return startTls(arg);
      }
      case "GET", "POST", "HEAD", "PUT", "CONNECT" -> { // a web client, or cross-protocol abuse
        conn.reply("421 4.7.0 " + settings.hostname() + " this is an SMTP server, closing");
        return false;
      }
      case "" -> conn.reply("500 5.5.2 Empty command");
      default -> conn.reply("500 5.5.2 Command not recognized");
    }
    return true;
  }

  private void hello(boolean extended, String arg) throws IOException {
    if (arg.isBlank()) {
      conn.reply("501 5.5.4 Syntax: " + (extended ? "EHLO" : "HELO") + " hostname");
      return;
    }
    helo = ReceivedHeader.cleanHelo(arg);
    esmtp = extended;
    resetTransaction(); // RFC 5321 §4.1.4: EHLO also resets the state
    if (!extended) {
      conn.reply("250 " + settings.hostname());
      return;
    }
    conn.reply("250-" + settings.hostname() + " greets " + helo + "\r\n250-PIPELINING\r\n250-SIZE "
        + settings.maxMessageBytes() + "\r\n250-8BITMIME\r\n"
        + (tls != null && !conn.isTls() ? "250-STARTTLS\r\n" : "") + "250 ENHANCEDSTATUSCODES");
  }

  private void mail(String arg) throws IOException {
    if (helo == null) {
      conn.reply("503 5.5.1 Send EHLO or HELO first");
    } else if (settings.requireTls() && !conn.isTls()) {
      conn.reply("530 5.7.0 Must issue a STARTTLS command first");
    } else if (reversePath != null) {
      conn.reply("503 5.5.1 Nested MAIL command");
    } else {
      PathArgument path = PathArgument.parse(arg, "FROM:");
      String refusal = path == null ? "501 5.5.4 Syntax: MAIL FROM:<address>"
          : path.mailParameterRefusal(esmtp, settings.maxMessageBytes());
      if (refusal != null) {
        conn.reply(refusal);
      } else {
        reversePath = Objects.requireNonNull(path).address();
        conn.reply("250 2.1.0 Ok");
      }
    }
  }

  private void rcpt(String arg) throws IOException {
    PathArgument path = PathArgument.parse(arg, "TO:");
    if (reversePath == null) {
      conn.reply("503 5.5.1 Need MAIL command");
    } else if (path == null || path.address().isEmpty()) {
      conn.reply("501 5.5.4 Syntax: RCPT TO:<address>");
    } else if (!path.parameters().isEmpty()) {
      conn.reply("555 5.5.4 Unsupported RCPT parameter");
    } else if (!policy.accepts(path.address())) {
      LOG.log(Level.INFO, "smtp {0}: refused recipient <{1}>", peer,
          path.address());
      conn.reply("550 5.1.1 <" + path.address() + ">: not a report address here");
    } else {
      String address = path.address().toLowerCase(Locale.ROOT);
      if (!recipients.contains(address) && recipients.size() >= settings.maxRecipients()) {
        conn.reply("452 4.5.3 Too many recipients"); // RFC 5321 §4.5.3.1.10: the client sends the rest
      } else {
        recipients.add(address);
        conn.reply("250 2.1.5 Ok");
      }
    }
  }

  /** @return false when the connection should close */
  private boolean data(String arg) throws IOException {
    if (reversePath == null) {
      conn.reply("503 5.5.1 Need MAIL command");
      return true;
    } else if (recipients.isEmpty()) {
      conn.reply("554 5.5.1 No valid recipients"); // RFC 2920 §3.1
      return true;
    } else if (!arg.isEmpty()) {
      conn.reply("501 5.5.4 Syntax: DATA");
      return true;
    }
    conn.reply("354 End data with <CR><LF>.<CR><LF>");
    byte[] message = conn.readData(settings.maxMessageBytes());
    String rcpts = String.join(", ", recipients);
    resetTransaction();
    if (message == null) {
      LOG.log(Level.INFO, "smtp {0}: refused a message over {1} bytes for {2}",
          peer, settings.maxMessageBytes(), rcpts);
      conn.reply("552 5.3.4 Message exceeds the maximum size of " + settings.maxMessageBytes()
          + " bytes");
      return true;
    }
    if (!beginIngest()) {
      return false; // stopping: not acknowledged, the sender will try again
    }
    try {
      conn.reply(delivery.deliver(message, Objects.requireNonNull(helo),
          esmtp ? (conn.isTls() ? "ESMTPS" : "ESMTP") : "SMTP", conn.peer(), rcpts));
    } finally {
      endIngest();
    }
    return !isStopping();
  }

  /** @return false when the connection should close */
  private boolean startTls(String arg) throws IOException {
    if (tls == null || conn.isTls()) {
      conn.reply(tls == null ? "502 5.5.1 STARTTLS not available" : "503 5.5.1 TLS already active");
      return true;
    } else if (!arg.isEmpty()) {
      conn.reply("501 5.5.4 Syntax: STARTTLS");
      return true;
    } else if (helo == null) {
      conn.reply("503 5.5.1 Send EHLO first");
      return true;
    }
    conn.reply("220 2.0.0 Ready to start TLS");
    try {
      if (!conn.startTls(tls)) {
        LOG.log(Level.INFO, "smtp {0}: commands pipelined after STARTTLS, closing", peer);
        return false;
      }
    } catch (SSLException e) {
      LOG.log(Level.INFO, "smtp {0}: TLS handshake failed: {1}", peer, e.getMessage());
      return false;
    }
    helo = null; // RFC 3207 §4.2: forget what the client said; it starts again with EHLO
    esmtp = false;
    resetTransaction();
    return true;
  }

  private void resetTransaction() {
    reversePath = null;
    recipients.clear();
  }

  private synchronized boolean beginIngest() {
    ingesting = stopReason == null;
    return ingesting;
  }

  private synchronized void endIngest() {
    ingesting = false;
  }

  private synchronized boolean isStopping() {
    if (stopReason != null) {
      conn.tryReply("421 4.3.2 " + settings.hostname() + " " + stopReason + ", closing");
    }
    return stopReason != null;
  }
}
