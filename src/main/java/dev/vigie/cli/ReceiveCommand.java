package dev.vigie.cli;

import dev.vigie.ingest.imap.ImapSettings;
import dev.vigie.ingest.imap.ImapSource;
import dev.vigie.ingest.smtp.SmtpReceiver;
import dev.vigie.ingest.smtp.SmtpSettings;
import dev.vigie.ingest.smtp.TlsIdentity;
import dev.vigie.report.extract.ReportExtractor;
import dev.vigie.store.Ingestor;
import dev.vigie.store.Store;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigie receive}: runs the built-in SMTP receiver and/or an IMAP mailbox source into the
 * store until stopped (SIGINT/SIGTERM). Both feed the same {@link Ingestor}, so a report arriving
 * by both is stored once.
 */
@Command(name = "receive", mixinStandardHelpOptions = true,
    description = {"Receive reports by SMTP and/or from an IMAP mailbox until stopped.",
        "  vigie receive --smtp-port 2525 --accept dmarc@reports.msp.example",
        "  vigie receive --imap-host mail.example --imap-user dmarc --imap-password-file pw.txt"})
final class ReceiveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;
  @Mixin LimitOptions limitOptions;
  @Mixin EnrichmentOptions enrichmentOptions;

  @Option(names = "--smtp-port", paramLabel = "PORT", description = "Listen for SMTP on this port.")
  Integer smtpPort;

  @Option(names = "--smtp-bind", paramLabel = "ADDRESS", defaultValue = "0.0.0.0",
      description = "Address to listen on (default ${DEFAULT-VALUE}).")
  String smtpBind;

  @Option(names = "--smtp-hostname", paramLabel = "NAME", defaultValue = "localhost",
      description = "Name in the SMTP greeting (default ${DEFAULT-VALUE}).")
  String smtpHostname;

  @Option(names = "--accept", paramLabel = "ADDRESS",
      description = "A report address to accept mail for, or @domain (repeatable).")
  List<String> accept = new ArrayList<>();

  @Option(names = "--tls-cert", paramLabel = "PEM", description = "Certificate chain for STARTTLS.")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "PEM", description = "Private key for STARTTLS.")
  Path tlsKey;

  @Option(names = "--require-tls", description = "Refuse mail before STARTTLS.")
  boolean requireTls;

  @Option(names = "--imap-host", paramLabel = "HOST", description = "IMAP server to read.")
  String imapHost;

  @Option(names = "--imap-port", paramLabel = "PORT", description = "IMAP port (default: 993, or 143 with starttls/plain).")
  Integer imapPort;

  @Option(names = "--imap-security", paramLabel = "MODE", defaultValue = "IMAPS",
      description = "IMAPS, STARTTLS, or PLAIN (loopback only) (default ${DEFAULT-VALUE}).")
  ImapSettings.Security imapSecurity;

  @Option(names = "--imap-user", paramLabel = "USER") String imapUser;

  @Option(names = "--imap-password-file", paramLabel = "FILE",
      description = "File holding the IMAP password (kept off the command line).")
  Path imapPasswordFile;

  @Option(names = "--imap-folder", paramLabel = "NAME", defaultValue = "INBOX") String imapFolder;

  @Option(names = "--imap-poll-seconds", paramLabel = "N", defaultValue = "60",
      description = "Poll interval when the server has no IDLE (default ${DEFAULT-VALUE}).")
  int pollSeconds;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (smtpPort == null && imapHost == null) {
      err.println("vigie: receive needs --smtp-port and/or --imap-host");
      return 2;
    }
    if (smtpPort != null && accept.isEmpty()) {
      err.println("vigie: --smtp-port needs at least one --accept address");
      return 2;
    }
    CountDownLatch done = new CountDownLatch(1);
    try (Store store = storeOptions.open()) {
      Ingestor ingestor = new Ingestor(store, new ReportExtractor(limitOptions.toLimits()),
          Clock.systemUTC(), enrichmentOptions.enricher());
      int finished = ingestor.finishPending();
      if (finished > 0) {
        err.println("vigie: finished " + finished + " message(s) archived before a stop");
      }
      SmtpReceiver smtp = null;
      ImapSource imap = null;
      CountDownLatch stop = new CountDownLatch(1);
      // On SIGTERM: let the sources finish the message in hand and close the store cleanly.
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        stop.countDown();
        try {
          done.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }));
      try {
        if (smtpPort != null) {
          SmtpSettings s = SmtpSettings.defaults(smtpHostname, accept)
              .withBind(InetAddress.getByName(smtpBind), smtpPort)
              .withTls(tlsCert == null ? null : new TlsIdentity.Pem(tlsCert, tlsKey), requireTls);
          smtp = new SmtpReceiver(s, ingestor);
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
          imap = new ImapSource(b.build(), ingestor);
          imap.start();
          err.println("vigie: reading imap://" + imapUser + "@" + imapHost + "/" + imapFolder);
        }
        err.flush();
        stop.await();
      } finally {
        if (imap != null) {
          imap.close();
        }
        if (smtp != null) {
          smtp.close();
        }
      }
      store.close();
    } finally {
      done.countDown();
    }
    return 0;
  }
}
