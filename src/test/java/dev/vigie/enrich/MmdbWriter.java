package dev.vigie.enrich;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small MaxMind DB files (format spec 2.0, https://maxmind.github.io/MaxMind-DB/) for
 * tests: an IPv6 search tree with 24-bit records, IPv4 networks under {@code ::/96} as MaxMind's
 * own databases do, the 16-byte separator, the data section, then the metadata after the
 * {@code \xAB\xCD\xEFMaxMind.com} marker. Values: String, Map, List, Long/Integer (uint32),
 * {@link U16}, {@link U64}.
 */
final class MmdbWriter {
  record U16(int value) {}

  record U64(long value) {}

  private static final byte[] MARKER = {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF, 'M', 'a', 'x', 'M',
      'i', 'n', 'd', '.', 'c', 'o', 'm'};

  /** A tree node; each side is null (no data), a Node, or an Integer offset into the data section. */
  private static final class Node {
    Object[] side = new Object[2];
  }

  private final Node root = new Node();
  private final ByteArrayOutputStream data = new ByteArrayOutputStream();
  private final String databaseType;

  MmdbWriter(String databaseType) {
    this.databaseType = databaseType;
  }

  /** Adds "192.0.2.0/24" or "2001:db8::/32" with this record; later inserts win where they overlap. */
  MmdbWriter insert(String cidr, Map<String, ?> record) throws IOException {
    String[] parts = cidr.split("/");
    byte[] addr = InetAddress.getByName(parts[0]).getAddress();
    int prefix = Integer.parseInt(parts[1]);
    byte[] key = new byte[16];
    if (addr.length == 4) {
      System.arraycopy(addr, 0, key, 12, 4);
      prefix += 96;
    } else {
      key = addr;
    }
    int offset = data.size();
    encode(data, record);
    Node node = root;
    for (int bit = 0; bit < prefix - 1; bit++) {
      int b = bit(key, bit);
      Object next = node.side[b];
      if (!(next instanceof Node)) {
        Node child = new Node();
        child.side[0] = next; // a shorter network's data continues on both sides
        child.side[1] = next;
        node.side[b] = child;
        next = child;
      }
      node = (Node) next;
    }
    node.side[bit(key, prefix - 1)] = offset;
    return this;
  }

  private static int bit(byte[] key, int i) {
    return (key[i / 8] >> (7 - i % 8)) & 1;
  }

  byte[] toBytes() throws IOException {
    Map<Node, Integer> ids = new IdentityHashMap<>();
    List<Node> order = new ArrayList<>();
    number(root, ids, order);
    int nodeCount = order.size();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Node n : order) {
      for (Object side : n.side) {
        long v = side == null ? nodeCount
            : side instanceof Node child ? ids.get(child) : nodeCount + 16L + (Integer) side;
        out.write((int) (v >> 16) & 0xFF);
        out.write((int) (v >> 8) & 0xFF);
        out.write((int) v & 0xFF);
      }
    }
    out.write(new byte[16]);
    out.write(data.toByteArray());
    out.write(MARKER);
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("binary_format_major_version", new U16(2));
    meta.put("binary_format_minor_version", new U16(0));
    meta.put("build_epoch", new U64(1_700_000_000L));
    meta.put("database_type", databaseType);
    meta.put("description", Map.of("en", "Vigie test database"));
    meta.put("ip_version", new U16(6));
    meta.put("languages", List.of("en"));
    meta.put("node_count", (long) nodeCount);
    meta.put("record_size", new U16(24));
    encode(out, meta);
    return out.toByteArray();
  }

  Path write(Path file) throws IOException {
    return Files.write(file, toBytes());
  }

  private static void number(Node n, Map<Node, Integer> ids, List<Node> order) {
    ids.put(n, order.size());
    order.add(n);
    for (Object side : n.side) {
      if (side instanceof Node child) {
        number(child, ids, order);
      }
    }
  }

  private static void encode(ByteArrayOutputStream out, Object v) {
    switch (v) {
      case String s -> {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        control(out, 2, b.length);
        out.writeBytes(b);
      }
      case Map<?, ?> m -> {
        control(out, 7, m.size());
        m.forEach((k, val) -> {
          encode(out, (String) k);
          encode(out, val);
        });
      }
      case List<?> l -> {
        control(out, 11, l.size());
        l.forEach(e -> encode(out, e));
      }
      case U16 u -> unsigned(out, 5, u.value());
      case U64 u -> unsigned(out, 9, u.value());
      case Integer i -> unsigned(out, 6, i);
      case Long l -> unsigned(out, 6, l);
      default -> throw new IllegalArgumentException("cannot encode " + v.getClass());
    }
  }

  private static void unsigned(ByteArrayOutputStream out, int type, long value) {
    int n = 0;
    for (long x = value; x != 0; x >>>= 8) {
      n++;
    }
    control(out, type, n);
    for (int i = n - 1; i >= 0; i--) {
      out.write((int) (value >>> (8 * i)) & 0xFF);
    }
  }

  /** Control byte: type in the top 3 bits (0 then an extra byte for types above 7), then size. */
  private static void control(ByteArrayOutputStream out, int type, int size) {
    int sizeBits = size < 29 ? size : size < 285 ? 29 : size < 65_821 ? 30 : 31;
    out.write(((type <= 7 ? type : 0) << 5) | sizeBits);
    if (type > 7) {
      out.write(type - 7);
    }
    if (sizeBits == 29) {
      out.write(size - 29);
    } else if (sizeBits == 30) {
      out.write((size - 285) >> 8);
      out.write((size - 285) & 0xFF);
    } else if (sizeBits == 31) {
      int s = size - 65_821;
      out.write(s >> 16);
      out.write((s >> 8) & 0xFF);
      out.write(s & 0xFF);
    }
  }
}
