package dev.vigie.enrich;

import com.maxmind.db.CHMCache;
import com.maxmind.db.Reader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Country and ASN from MaxMind-format (MMDB) files the user provides: GeoLite2 Country, City or
 * ASN, IPinfo Lite, DB-IP Lite ({@link MmdbShapes}). Several files combine, the first that knows
 * a field wins (GeoLite2 splits country and ASN into two files).
 *
 * <p>A file that is not there is skipped, not an error: enrichment without an IP database simply
 * has no country or ASN ({@link #missing()} lets the caller say so). A file that is there but
 * cannot be read fails at {@link #open} with the file's name: a wrong path given on purpose
 * deserves an answer, not silently empty columns.
 */
public final class IpDatabase implements Closeable {
  /** A lookup made when opening, so that a damaged search tree fails early rather than mid-run. */
  private static final byte[] PROBE = {1, 1, 1, 1};

  private record Source(Path file, Reader reader) {}

  private final List<Source> sources;
  private final List<Path> missing;

  private IpDatabase(List<Source> sources, List<Path> missing) {
    this.sources = List.copyOf(sources);
    this.missing = List.copyOf(missing);
  }

  /** No database: every lookup is empty. */
  public static IpDatabase none() {
    return new IpDatabase(List.of(), List.of());
  }

  public static IpDatabase open(List<Path> files) throws InvalidIpDatabaseException {
    List<Source> sources = new ArrayList<>();
    List<Path> missing = new ArrayList<>();
    try {
      for (Path f : files) {
        if (Files.notExists(f)) {
          missing.add(f);
        } else {
          sources.add(new Source(f, openOne(f)));
        }
      }
    } catch (InvalidIpDatabaseException e) {
      new IpDatabase(sources, missing).close();
      throw e;
    }
    return new IpDatabase(sources, missing);
  }

  private static Reader openOne(Path f) throws InvalidIpDatabaseException {
    if (!Files.isRegularFile(f)) {
      throw new InvalidIpDatabaseException(f, "not a regular file", null);
    }
    Reader reader;
    try {
      reader = new Reader(f.toFile(), Reader.FileMode.MEMORY_MAPPED, new CHMCache());
    } catch (IOException | RuntimeException e) {
      throw new InvalidIpDatabaseException(f, String.valueOf(e.getMessage()), e);
    }
    try {
      reader.get(InetAddress.getByAddress(PROBE), Map.class);
      return reader;
    } catch (IOException | RuntimeException e) {
      closeQuietly(reader);
      throw new InvalidIpDatabaseException(f, "lookup failed: " + e.getMessage(), e);
    }
  }

  /** The files given that were not there. */
  public List<Path> missing() {
    return missing;
  }

  public boolean isEmpty() {
    return sources.isEmpty();
  }

  /**
   * What the files say about {@code address}; {@link NetworkInfo#EMPTY} when none knows it.
   *
   * @throws UncheckedIOException wrapping {@link InvalidIpDatabaseException} when a file turns out
   *     damaged past the part checked at open
   */
  public NetworkInfo lookup(InetAddress address) {
    NetworkInfo info = NetworkInfo.EMPTY;
    for (Source s : sources) {
      if (info.isComplete()) {
        break;
      }
      Map<?, ?> record;
      try {
        record = s.reader().get(address, Map.class);
      } catch (IOException | RuntimeException e) {
        if (e instanceof IllegalArgumentException && address.getAddress().length == 16) {
          continue; // an IPv4-only file asked about an IPv6 address
        }
        throw new UncheckedIOException(new InvalidIpDatabaseException(s.file(),
            "lookup of " + address.getHostAddress() + " failed: " + e.getMessage(), e));
      }
      if (record != null) {
        info = info.orElse(MmdbShapes.read(record));
      }
    }
    return info;
  }

  @Override
  public void close() {
    for (Source s : sources) {
      closeQuietly(s.reader());
    }
  }

  private static void closeQuietly(Reader r) {
    try {
      r.close();
    } catch (IOException e) {
      // read-only mapping: nothing to flush, nothing to report
    }
  }
}
