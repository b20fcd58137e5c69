package dev.vigie.enrich;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates a catalogue file: a JSON object whose {@code senders} array holds one object
 * per service with {@code id}, {@code name}, {@code category} and the optional lists {@code ptr},
 * {@code asn}, {@code spf}, {@code dkim}, {@code envelope}. Unknown fields are errors, so that a
 * misspelt key does not silently drop a pattern.
 */
final class CatalogueLoader {
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  /** Lower-case labels of letters, digits, hyphens and underscores (for _spf-style names). */
  private static final Pattern DOMAIN =
      Pattern.compile("([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,62}");
  private static final Set<String> FIELDS =
      Set.of("id", "name", "category", "ptr", "asn", "spf", "dkim", "envelope");
  private static final long MAX_ASN = 4_294_967_295L;

  private final String origin;

  private CatalogueLoader(String origin) {
    this.origin = origin;
  }

  static List<KnownSender> read(InputStream in, String origin) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(in);
    } catch (JsonProcessingException e) {
      throw new InvalidCatalogueException(origin + ": not valid JSON: " + e.getOriginalMessage());
    }
    return new CatalogueLoader(origin).senders(root);
  }

  private List<KnownSender> senders(JsonNode root) throws InvalidCatalogueException {
    if (root == null || !root.isObject() || !root.path("senders").isArray()) {
      throw new InvalidCatalogueException(origin + ": expected an object with a \"senders\" array");
    }
    List<KnownSender> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int n = 0;
    for (JsonNode node : root.get("senders")) {
      n++;
      KnownSender s = sender(node, "sender #" + n);
      if (!ids.add(s.id())) {
        throw new InvalidCatalogueException(origin + ": sender #" + n + ": duplicate id \"" + s.id() + "\"");
      }
      out.add(s);
    }
    if (out.isEmpty()) {
      throw new InvalidCatalogueException(origin + ": the \"senders\" array is empty");
    }
    return out;
  }

  private KnownSender sender(JsonNode node, String where) throws InvalidCatalogueException {
    if (!node.isObject()) {
      throw error(where, "expected an object");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw error(where, "unknown field \"" + f + "\"");
      }
    }
    String id = text(node, "id", where);
    String at = where + " (\"" + id + "\")";
    if (!ID.matcher(id).matches()) {
      throw error(at, "id must be lower-case letters, digits and hyphens");
    }
    String name = text(node, "name", at);
    String category = text(node, "category", at);
    SenderCategory cat = SenderCategory.fromId(category)
        .orElseThrow(() -> error(at, "unknown category \"" + category + "\""));
    return new KnownSender(id, name, cat, domains(node, "ptr", at), asns(node, at),
        domains(node, "spf", at), domains(node, "dkim", at), domains(node, "envelope", at));
  }

  private String text(JsonNode node, String field, String where) throws InvalidCatalogueException {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw error(where, "\"" + field + "\" must be a non-empty string");
    }
    return v.asText().strip();
  }

  private List<String> domains(JsonNode node, String field, String where)
      throws InvalidCatalogueException {
    List<String> out = new ArrayList<>();
    for (JsonNode v : array(node, field, where)) {
      String d = v.isTextual() ? v.asText() : "";
      if (!DOMAIN.matcher(d).matches() || d.length() > 253) {
        throw error(where, "\"" + field + "\" has an invalid domain " + v
            + " (lower-case, no leading or trailing dot)");
      }
      out.add(d);
    }
    return out;
  }

  private List<Long> asns(JsonNode node, String where) throws InvalidCatalogueException {
    List<Long> out = new ArrayList<>();
    for (JsonNode v : array(node, "asn", where)) {
      if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 1 || v.asLong() > MAX_ASN) {
        throw error(where, "\"asn\" has an invalid AS number " + v);
      }
      out.add(v.asLong());
    }
    return out;
  }

  private Iterable<JsonNode> array(JsonNode node, String field, String where)
      throws InvalidCatalogueException {
    JsonNode v = node.get(field);
    if (v == null) {
      return List.of();
    }
    if (!v.isArray()) {
      throw error(where, "\"" + field + "\" must be an array");
    }
    return v;
  }

  private InvalidCatalogueException error(String where, String problem) {
    return new InvalidCatalogueException(origin + ": " + where + ": " + problem);
  }
}
