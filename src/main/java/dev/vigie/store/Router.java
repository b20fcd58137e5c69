package dev.vigie.store;

import dev.vigie.dns.psl.PublicSuffixes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decides which client organisation a report belongs to: the one owning its policy domain, else
 * the one owning that domain's organisational domain (a subdomain's reports go to the parent's
 * owner). Null means unclaimed: the report goes to the MSP's unclaimed inbox, never dropped.
 */
final class Router {
  private static final PublicSuffixes PSL = PublicSuffixes.bundled();
  private final Map<String, Long> owners;

  private Router(Map<String, Long> owners) {
    this.owners = owners;
  }

  static Router load(Connection c, long tenant) throws SQLException {
    Map<String, Long> owners = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT domain_name, client_id FROM client_domain WHERE tenant_id = ?")) {
      ps.setLong(1, tenant);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          owners.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return new Router(owners);
  }

  @Nullable Long clientFor(@Nullable String domain) {
    if (domain == null) {
      return null;
    }
    String d = domain.strip().toLowerCase(Locale.ROOT);
    if (d.endsWith(".")) {
      d = d.substring(0, d.length() - 1);
    }
    Long owner = owners.get(d);
    if (owner != null) {
      return owner;
    }
    return PSL.organizationalDomain(d).map(owners::get).orElse(null);
  }
}
