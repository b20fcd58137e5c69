package dev.vigie.ingest.imap;

import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.BadCommandException;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.CommandFailedException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.jspecify.annotations.Nullable;

/**
 * One logged-in connection with the report folder open read-write, and the few commands the
 * source needs. Not thread-safe, except {@link #wake}.
 */
final class Mailbox implements AutoCloseable {
  /** A message known by its UID and size only (RFC 3501 §6.4.5 FETCH (UID RFC822.SIZE)). */
  record Envelope(long uid, long size) {}

  private final IMAPStore store;
  private final IMAPFolder folder;
  private final String archive;
  private final String invalid;
  private final boolean move;
  private final boolean uidPlus;
  private final boolean idle;
  private volatile boolean idling;

  private Mailbox(IMAPStore store, IMAPFolder folder, String archive, String invalid) {
    this.store = store;
    this.folder = folder;
    this.archive = archive;
    this.invalid = invalid;
    this.move = has(store, "MOVE");
    this.uidPlus = has(store, "UIDPLUS");
    this.idle = has(store, "IDLE");
  }

  /** Connects, logs in, creates the target folders if missing and opens the report folder. */
  static Mailbox open(ImapSettings settings, Consumer<String> log)
      throws MessagingException, IOException {
    String protocol = settings.security() == ImapSettings.Security.IMAPS ? "imaps" : "imap";
    Session session = Session.getInstance(SessionProperties.of(settings, protocol));
    IMAPStore store = (IMAPStore) session.getStore(protocol);
    store.connect(settings.host(), settings.port(), settings.username(), settings.password());
    try {
      Folder archive = ensureExists(store, settings.archiveFolder(), settings, log);
      Folder invalid = ensureExists(store, settings.invalidFolder(), settings, log);
      IMAPFolder folder = (IMAPFolder) store.getFolder(settings.folder());
      folder.open(Folder.READ_WRITE);
      return new Mailbox(store, folder, archive.getFullName(), invalid.getFullName());
    } catch (MessagingException | RuntimeException e) {
      closeQuietly(store);
      throw e;
    }
  }

  /** The extensions this connection will use, for the log. */
  String describe() {
    return (idle ? "IDLE" : "no IDLE: polling") + ", " + (move ? "MOVE" : "COPY+EXPUNGE")
        + (uidPlus ? ", UIDPLUS" : "");
  }

  boolean isIdling() {
    return idling;
  }

  boolean canIdle() {
    return idle;
  }

  /**
   * The highest UID in the folder, new mail included, 0 when it is empty. RFC 3501 §6.4.8:
   * {@code *} stands for the last message, so {@code UID FETCH * (UID)} names it whatever its UID.
   */
  long maxUid() throws MessagingException {
    // NOOP first: servers need not look for new mail on other commands (RFC 3501 §6.1.2)
    command("NOOP", null);
    return firstUid("UID FETCH", "*");
  }

  /** The lowest UID in the folder (message 1, RFC 3501 §2.3.1.2), 0 when it is empty. */
  long minUid() throws MessagingException {
    return firstUid("FETCH", "1");
  }

  /** UIDs and sizes of the messages whose UID lies in {@code from..to}, in UID order. */
  List<Envelope> window(long from, long to) throws MessagingException {
    // An explicit range, never "from:*": that always includes the last message (RFC 3501 §6.4.8).
    Response[] responses = command("UID FETCH", new Argument().writeAtom(from + ":" + to)
        .writeAtom("(UID RFC822.SIZE)"));
    List<Envelope> out = new ArrayList<>();
    for (Response r : responses) {
      if (r instanceof FetchResponse f) {
        UID uid = f.getItem(UID.class);
        RFC822SIZE size = f.getItem(RFC822SIZE.class);
        if (uid != null && size != null && uid.uid >= from && uid.uid <= to) {
          out.add(new Envelope(uid.uid, size.size));
        }
      }
    }
    out.sort(Comparator.comparingLong(Envelope::uid));
    return out;
  }

  /**
   * The message exactly as the server holds it, or null when it has gone meanwhile. BODY.PEEK[]
   * (RFC 3501 §6.4.5) leaves the \Seen flag alone.
   */
  byte @Nullable [] read(long uid) throws MessagingException {
    Response[] responses = command("UID FETCH", new Argument().writeAtom(Long.toString(uid))
        .writeAtom("(UID BODY.PEEK[])"));
    for (Response r : responses) {
      if (r instanceof FetchResponse f) {
        UID u = f.getItem(UID.class);
        BODY body = f.getItem(BODY.class);
        if (u != null && u.uid == uid && body != null && body.getByteArray() != null) {
          ByteArray bytes = body.getByteArray();
          byte[] b = bytes.getBytes();
          int start = bytes.getStart();
          int count = bytes.getCount();
          return start == 0 && count == b.length ? b : Arrays.copyOfRange(b, start, start + count);
        }
      }
    }
    return null;
  }

  /** Moves messages (ascending UIDs) to the archive or invalid folder, in one command. */
  void moveTo(List<Long> uids, Disposition where) throws MessagingException {
    String set = uidSet(uids);
    String target = BASE64MailboxEncoder.encode(where == Disposition.ARCHIVE ? archive : invalid);
    if (move) {
      // RFC 6851 §3.2 UID MOVE: copy and expunge in one step, nothing left behind
      command("UID MOVE", new Argument().writeAtom(set).writeString(target));
      return;
    }
    command("UID COPY", new Argument().writeAtom(set).writeString(target));
    command("UID STORE", new Argument().writeAtom(set).writeAtom("+FLAGS.SILENT (\\Deleted)"));
    if (uidPlus) {
      command("UID EXPUNGE", new Argument().writeAtom(set)); // RFC 4315 §2.1: only these
    } else {
      // Plain EXPUNGE also removes messages another client marked \Deleted; without UIDPLUS
      // there is no narrower command (RFC 4315 §1).
      command("EXPUNGE", null);
    }
  }

  /** RFC 3501 §9 sequence-set of UIDs, runs written as ranges: {@code 3:7,9,12:13}. */
  static String uidSet(List<Long> ascending) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < ascending.size(); i++) {
      long first = ascending.get(i);
      while (i + 1 < ascending.size() && ascending.get(i + 1) == ascending.get(i) + 1) {
        i++;
      }
      sb.append(sb.isEmpty() ? "" : ",").append(first);
      if (ascending.get(i) != first) {
        sb.append(':').append(ascending.get(i));
      }
    }
    return sb.toString();
  }

  /**
   * Waits in IDLE (RFC 2177) until the server reports something or {@code max} has passed
   * (the RFC asks clients to re-issue IDLE at least every 29 minutes).
   */
  void idle(Duration max, ScheduledExecutorService timer) throws MessagingException {
    ScheduledFuture<?> renewal = timer.schedule(this::wake, max.toMillis(), TimeUnit.MILLISECONDS);
    idling = true;
    try {
      folder.idle(true);
    } finally {
      idling = false;
      renewal.cancel(false);
    }
  }

  /** Ends an IDLE in progress (from another thread): any folder command sends DONE first. */
  void wake() {
    if (!idling) {
      return;
    }
    try {
      folder.doCommand(p -> null);
    } catch (MessagingException | RuntimeException ignored) {
      // the connection is gone: the IDLE ended anyway
    }
  }

  /**
   * Whether the server answered NO or BAD to a command (a full folder, a vanished target), as
   * opposed to the connection failing.
   */
  static boolean refusedByServer(MessagingException e) {
    Throwable cause = e.getNextException() != null ? e.getNextException() : e.getCause();
    return e instanceof FolderNotFoundException || cause instanceof CommandFailedException
        || cause instanceof BadCommandException;
  }

  @Override
  public void close() {
    try {
      if (folder.isOpen()) {
        folder.close(false); // CLOSE would expunge; leave \Deleted flags to their owners
      }
    } catch (MessagingException | RuntimeException ignored) {
      // the connection is already gone
    }
    closeQuietly(store);
  }

  /**
   * Sends one command on the folder's connection and checks its tagged result. Messages are named
   * by UID only, so Jakarta Mail's message-number cache is neither used nor kept up to date.
   */
  private Response[] command(String command, @Nullable Argument args) throws MessagingException {
    return (Response[]) folder.doCommand(p -> {
      Response[] r = p.command(command, args);
      p.handleResult(r[r.length - 1]); // NO/BAD/BYE become exceptions
      return r;
    });
  }

  private long firstUid(String command, String set) throws MessagingException {
    Response[] responses;
    try {
      responses = command(command, new Argument().writeAtom(set).writeAtom("(UID)"));
    } catch (MessagingException e) {
      if (refusedByServer(e)) {
        return 0; // some servers answer BAD for "*" or "1" in an empty folder
      }
      throw e;
    }
    for (Response r : responses) {
      if (r instanceof FetchResponse f && f.getItem(UID.class) != null) {
        return f.getItem(UID.class).uid;
      }
    }
    return 0;
  }

  private static Folder ensureExists(IMAPStore store, String name, ImapSettings settings,
      Consumer<String> log) throws MessagingException {
    Folder f = store.getFolder(name);
    if (!f.exists()) {
      if (!f.create(Folder.HOLDS_MESSAGES) && !f.exists()) {
        throw new MessagingException("cannot create folder " + name);
      }
      log.accept(settings.mailboxUrl() + ": created folder " + name);
    }
    return f;
  }

  private static boolean has(IMAPStore store, String capability) {
    try {
      return store.hasCapability(capability);
    } catch (MessagingException e) {
      return false;
    }
  }

  private static void closeQuietly(IMAPStore store) {
    try {
      store.close();
    } catch (MessagingException | RuntimeException ignored) {
      // nothing more to do with a broken connection
    }
  }
}
