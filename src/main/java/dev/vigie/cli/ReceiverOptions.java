package dev.vigie.cli;

import dev.vigie.ingest.RawSink;
import dev.vigie.ingest.imap.ImapSettings;
import dev.vigie.ingest.imap.ImapSource;
import dev.vigie.ingest.smtp.SmtpReceiver;
import dev.vigie.ingest.smtp.SmtpSettings;
import dev.vigie.ingest.smtp.TlsIdentity;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The built-in SMTP receiver and the IMAP mailbox source, as options shared by {@code vigie
 * receive} and {@code vigie serve}; {@link #start} runs the ones asked for into a {@link RawSink}.
 */
final class ReceiverOptions {
  @Option(names = "--smtp-port", paramLabel = "PORT", description = "Listen for SMTP on this port.")
  @Nullable Integer smtpPort;

  @Option(names = "--smtp-bind", paramLabel = "ADDRESS", defaultValue = "0.0.0.0",
      description = "Address to listen on (default ${DEFAULT-VALUE}).")
  String smtpBind = "0.0.0.0";

  @Option(names = "--smtp-hostname", paramLabel = "NAME", defaultValue = "localhost",
      description = "Name in the SMTP greeting (default ${DEFAULT-VALUE}).")
  String smtpHostname = "localhost";

  @Option(names = "--accept", paramLabel = "ADDRESS",
      description = "A report address to accept mail for, or @domain (repeatable).")
  List<String> accept = new ArrayList<>();

  @Option(names = "--tls-cert", paramLabel = "PEM", description = "Certificate chain for STARTTLS.")
  @Nullable Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "PEM", description = "Private key for STARTTLS.")
  @Nullable Path tlsKey;

  @Option(names = "--require-tls", description = "Refuse mail before STARTTLS.")
  boolean requireTls;

  @Option(names = "--imap-host", paramLabel = "HOST", description = "IMAP server to read.")
  @Nullable String imapHost;

  @Option(names = "--imap-port", paramLabel = "PORT",
      description = "IMAP port (default: 993, or 143 with starttls/plain).")
  @Nullable Integer imapPort;

  @Option(names = "--imap-security", paramLabel = "MODE", defaultValue = "IMAPS",
      description = "IMAPS, STARTTLS, or PLAIN (loopback only) (default ${DEFAULT-VALUE}).")
  ImapSettings.Security imapSecurity = ImapSettings.Security.IMAPS;

  @Option(names = "--imap-user", paramLabel = "USER") @Nullable String imapUser;

  @Option(names = "--imap-password-file", paramLabel = "FILE",
      description = "File holding the IMAP password (kept off the command line).")
  @Nullable Path imapPasswordFile;

  @Option(names = "--imap-folder", paramLabel = "NAME", defaultValue = "INBOX")
  String imapFolder = "INBOX";

  @Option(names = "--imap-poll-seconds", paramLabel = "N", defaultValue = "60",
      description = "Poll interval when the server has no IDLE (default ${DEFAULT-VALUE}).")
  int pollSeconds = 60;

  /** Whether any receiver was asked for. */
  boolean any() {
    return smtpPort != null || imapHost != null;
  }

  /** What is wrong with the options as given (a usage error), or null. */
  @Nullable String problem() {
    if (smtpPort != null && accept.isEmpty()) {
      return "--smtp-port needs at least one --accept address";
    }
    return null;
  }

  /**
   * Starts the receivers asked for, each storing through {@code sink}, and says so on {@code
   * err}. If one fails to start, those already started are stopped.
   */
  Receivers start(RawSink sink, PrintWriter err) throws IOException {
    Receivers started = new Receivers();
    try {
      if (smtpPort != null) {
        SmtpSettings s = SmtpSettings.defaults(smtpHostname, accept)
            .withBind(InetAddress.getByName(smtpBind), smtpPort)
            .withTls(tlsCert == null ? null : new TlsIdentity.Pem(tlsCert, tlsKey), requireTls);
        SmtpReceiver smtp = new SmtpReceiver(s, sink);
        started.add(smtp);
        smtp.start();
        err.println("vigie: SMTP receiver listening on " + smtp.localAddress()
            + " for " + String.join(", ", accept));
      }
      if (imapHost != null) {
        String password = imapPasswordFile == null ? ""
            : Files.readString(imapPasswordFile, StandardCharsets.UTF_8).strip();
        ImapSettings.Builder b = ImapSettings.builder(imapHost, imapUser, password)
            .security(imapSecurity).pollInterval(Duration.ofSeconds(pollSeconds))
            .folders(imapFolder, "Archive", "Invalid");
        if (imapPort != null) {
          b.port(imapPort);
        }
        ImapSource imap = new ImapSource(b.build(), sink);
        started.add(imap);
        imap.start();
        err.println("vigie: reading imap://" + imapUser + "@" + imapHost + "/" + imapFolder);
      }
      err.flush();
      return started;
    } catch (IOException | RuntimeException e) {
      started.close();
      throw e;
    }
  }
}
