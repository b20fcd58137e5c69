package dev.vigie.cli;

import dev.vigie.report.extract.ReportExtractor;
import dev.vigie.store.Ingestor;
import dev.vigie.store.Store;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code vigie receive}: runs the built-in SMTP receiver and/or an IMAP mailbox source into the
 * store until stopped (SIGINT/SIGTERM). Both feed the same {@link Ingestor}, so a report arriving
 * by both is stored once. {@code vigie serve} takes the same {@link ReceiverOptions}.
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
  @Mixin ReceiverOptions receiverOptions;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (!receiverOptions.any()) {
      err.println("vigie: receive needs --smtp-port and/or --imap-host");
      return 2;
    }
    String problem = receiverOptions.problem();
    if (problem != null) {
      err.println("vigie: " + problem);
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
      CountDownLatch stop = new CountDownLatch(1);
      // On SIGTERM: let the sources finish the message in hand and close the store cleanly.
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        stop.countDown();
        try {
          done.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }));
      Receivers receivers = receiverOptions.start(ingestor, err);
      try {
        stop.await();
      } finally {
        receivers.close();
      }
      store.close();
    } finally {
      done.countDown();
    }
    return 0;
  }
}
