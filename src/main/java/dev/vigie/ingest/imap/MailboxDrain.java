package dev.vigie.ingest.imap;

import dev.vigie.ingest.IngestResult;
import dev.vigie.ingest.RawSink;
import dev.vigie.ingest.Source;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One pass over the report folder: every message present, in UID order, one at a time.
 *
 * <p>Messages are named by UID only. The folder is walked in UID ranges: {@code batchSize} UIDs
 * and sizes are in memory at once, plus the one message being stored, so a folder of 100,000
 * messages costs no more than one of 100. A range that comes back empty (UIDs freed by messages
 * moved away earlier) doubles the next one, so long gaps are crossed in a few steps.
 *
 * <p>Stored messages are moved in groups of up to {@value #MOVE_GROUP}, at the latest at the end
 * of each range or after {@value #MOVE_DELAY_MS} ms: one UID MOVE per message costs the server
 * a mailbox sync each (about 10 ms with Dovecot's Maildir), one per group almost nothing. A
 * connection lost before the move only means those messages are stored again next time, which
 * the sink recognises.
 */
final class MailboxDrain {
  /** The widest UID range asked for, as a multiple of the batch size. */
  private static final int MAX_SPAN_BATCHES = 64;
  static final int MOVE_GROUP = 100;
  static final long MOVE_DELAY_MS = 5_000;

  private final ImapSettings settings;
  private final RawSink sink;
  private final Clock clock;
  private final Consumer<String> log;
  private final Tally tally;

  MailboxDrain(ImapSettings settings, RawSink sink, Clock clock, Consumer<String> log,
      Tally tally) {
    this.settings = settings;
    this.sink = sink;
    this.clock = clock;
    this.log = log;
    this.tally = tally;
  }

  ImapRound drain(Mailbox box, BooleanSupplier stopping) throws MessagingException {
    Pass pass = new Pass(box);
    long max = box.maxUid();
    long next = max == 0 ? 1 : box.minUid();
    long span = settings.batchSize();
    while (max > 0 && next <= max && !stopping.getAsBoolean()) {
      long to = Math.min(max, next + span - 1);
      List<Mailbox.Envelope> window = box.window(next, to);
      for (Mailbox.Envelope e : window) {
        pass.handle(e);
        if (stopping.getAsBoolean()) {
          break;
        }
      }
      pass.flush();
      next = to + 1;
      span = window.isEmpty()
          ? Math.min(span * 2, (long) settings.batchSize() * MAX_SPAN_BATCHES)
          : settings.batchSize();
      if (next > max) {
        max = box.maxUid(); // mail that arrived during this pass: take it now
      }
    }
    pass.flush();
    return new ImapRound(pass.archived, pass.invalid, pass.kept);
  }

  /** The state of one pass: counts, and stored messages not moved yet. */
  private final class Pass {
    private final Mailbox box;
    private final Map<Disposition, List<Long>> pending = new EnumMap<>(Disposition.class);
    private long oldestPending;
    private int archived;
    private int invalid;
    private int kept;

    Pass(Mailbox box) {
      this.box = box;
      for (Disposition d : Disposition.values()) {
        pending.put(d, new ArrayList<>());
      }
    }

    void handle(Mailbox.Envelope e) throws MessagingException {
      String where = settings.mailboxUrl() + " uid " + e.uid();
      if (e.size() > settings.maxMessageBytes()) {
        log.accept(where + ": " + e.size() + " bytes, over the " + settings.maxMessageBytes()
            + "-byte limit: moved to " + settings.invalidFolder() + " unread");
        add(e.uid(), Disposition.INVALID);
        return;
      }
      byte[] raw = box.read(e.uid());
      if (raw == null) {
        return; // expunged by another client meanwhile
      }
      IngestResult result;
      try {
        result = sink.ingest(raw, new Source(Source.Kind.IMAP, where, clock.instant()));
      } catch (RuntimeException ex) {
        // Nothing was acknowledged: the message stays where it is and is tried again next round.
        log.accept(where + ": not stored, left in " + settings.folder() + " for the next round: "
            + Errors.oneLine(ex));
        kept++;
        tally.kept.incrementAndGet();
        return;
      }
      add(e.uid(), Disposition.of(result));
    }

    private void add(long uid, Disposition d) throws MessagingException {
      if (pending.values().stream().allMatch(List::isEmpty)) {
        oldestPending = System.nanoTime();
      }
      pending.get(d).add(uid);
      if (pending.get(d).size() >= MOVE_GROUP
          || System.nanoTime() - oldestPending > MOVE_DELAY_MS * 1_000_000) {
        flush();
      }
    }

    /** Moves every stored message still in the folder; connection failures propagate. */
    void flush() throws MessagingException {
      for (Disposition d : Disposition.values()) {
        List<Long> uids = pending.get(d);
        if (uids.isEmpty()) {
          continue;
        }
        try {
          box.moveTo(uids, d);
        } catch (MessagingException ex) {
          if (!Mailbox.refusedByServer(ex)) {
            throw ex; // the connection failed: reconnect; the sink recognises the bytes later
          }
          String target = d == Disposition.ARCHIVE ? settings.archiveFolder()
              : settings.invalidFolder();
          log.accept(settings.mailboxUrl() + ": " + uids.size() + " stored message(s) left in "
              + settings.folder() + ", the server refused to move them to " + target + ": "
              + Errors.oneLine(ex));
          kept += uids.size();
          tally.kept.addAndGet(uids.size());
          uids.clear();
          continue;
        }
        if (d == Disposition.ARCHIVE) {
          archived += uids.size();
          tally.archived.addAndGet(uids.size());
        } else {
          invalid += uids.size();
          tally.invalid.addAndGet(uids.size());
        }
        uids.clear();
      }
    }
  }
}
