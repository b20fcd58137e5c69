package dev.vigie.store;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Tenants (MSPs), their settings, and their client organisations and domains, always read within
 * one tenant: the tenant id is a parameter of every method and leads every WHERE clause.
 */
public final class TenantSql {
  private TenantSql() {}

  public record Tenant(long id, String name, @Nullable String reportAddress, @Nullable String lang) {}

  public record Client(long id, String name, @Nullable String lang, Instant createdAt,
      List<String> domains) {}

  public record DomainRow(String domain, long clientId, String clientName, Instant addedAt) {}

  public static long createTenant(Connection c, String name, Instant now) {
    long id = Jdbc.scalar(c, "SELECT coalesce(max(tenant_id), 0) + 1 FROM tenant");
    Jdbc.update(c, "INSERT INTO tenant (tenant_id, name, created_at) VALUES (?,?,?)", id, name, now);
    return id;
  }

  public static Optional<Tenant> tenant(Connection c, long tenant) {
    return Jdbc.one(c, "SELECT t.tenant_id, t.name, s.report_address, s.lang_code FROM tenant t"
        + " LEFT JOIN tenant_setting s ON s.tenant_id = t.tenant_id WHERE t.tenant_id = ?", rs -> new Tenant(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4)), tenant);
  }

  public static void updateTenant(Connection c, long tenant, String name,
      @Nullable String reportAddress, @Nullable String lang) {
    Jdbc.update(c, "UPDATE tenant SET name = ? WHERE tenant_id = ?", name, tenant);
    Jdbc.update(c, "DELETE FROM tenant_setting WHERE tenant_id = ?", tenant);
    Jdbc.update(c, "INSERT INTO tenant_setting (tenant_id, report_address, lang_code)"
        + " VALUES (?,?,?)", tenant, reportAddress, lang);
  }

  public static List<Client> clients(Connection c, long tenant) {
    return clients(c, tenant, null);
  }

  /** One client with its domains: a page that shows one need not read all 300. */
  public static Optional<Client> client(Connection c, long tenant, long clientId) {
    return clients(c, tenant, clientId).stream().findFirst();
  }

  private static List<Client> clients(Connection c, long tenant, @Nullable Long only) {
    Map<Long, Client> out = new LinkedHashMap<>();
    String sql = "SELECT o.client_id, o.name, s.lang_code, o.created_at, d.domain_name"
        + " FROM client_org o LEFT JOIN client_domain d ON d.tenant_id = o.tenant_id"
        + " AND d.client_id = o.client_id LEFT JOIN client_setting s ON s.tenant_id = o.tenant_id"
        + " AND s.client_id = o.client_id WHERE o.tenant_id = ?"
        + (only == null ? "" : " AND o.client_id = ?")
        + " ORDER BY lower(o.name), o.client_id, d.domain_name";
    Jdbc.Row<Client> row = rs -> {
      Client cl = out.computeIfAbsent(rs.getLong(1), id -> {
        try {
          return new Client(id, rs.getString(2), rs.getString(3),
              Jdbc.instant(rs, "created_at"), new ArrayList<>());
        } catch (java.sql.SQLException e) {
          throw new StoreException(e.getMessage(), e);
        }
      });
      if (rs.getString(5) != null) {
        cl.domains().add(rs.getString(5));
      }
      return cl;
    };
    Jdbc.list(c, sql, row, only == null ? new Object[] {tenant} : new Object[] {tenant, only});
    return List.copyOf(out.values());
  }

  public static boolean clientExists(Connection c, long tenant, long clientId) {
    return Jdbc.scalar(c, "SELECT count(*) FROM client_org WHERE tenant_id = ? AND client_id = ?",
        tenant, clientId) == 1;
  }

  /** Adds a client; empty when the tenant already has a client by that name. */
  public static Optional<Long> addClient(Connection c, long tenant, String name,
      @Nullable String lang, Instant now) {
    if (Jdbc.scalar(c, "SELECT count(*) FROM client_org WHERE tenant_id = ? AND name = ?",
        tenant, name) > 0) {
      return Optional.empty();
    }
    long id = Jdbc.scalar(c, "SELECT coalesce(max(client_id), 0) + 1 FROM client_org"
        + " WHERE tenant_id = ?", tenant);
    Jdbc.update(c, "INSERT INTO client_org (tenant_id, client_id, name, created_at)"
        + " VALUES (?,?,?,?)", tenant, id, name, now);
    setClientLanguage(c, tenant, id, lang);
    return Optional.of(id);
  }

  public static void updateClient(Connection c, long tenant, long clientId, String name,
      @Nullable String lang) {
    Jdbc.update(c, "UPDATE client_org SET name = ? WHERE tenant_id = ? AND client_id = ?", name,
        tenant, clientId);
    setClientLanguage(c, tenant, clientId, lang);
  }

  private static void setClientLanguage(Connection c, long tenant, long clientId,
      @Nullable String lang) {
    Jdbc.update(c, "DELETE FROM client_setting WHERE tenant_id = ? AND client_id = ?", tenant,
        clientId);
    if (lang != null) {
      Jdbc.update(c, "INSERT INTO client_setting (tenant_id, client_id, lang_code) VALUES (?,?,?)",
          tenant, clientId, lang);
    }
  }

  /** Gives the client a domain; false when the tenant already has that domain. */
  public static boolean addDomain(Connection c, long tenant, long clientId, String domain,
      Instant now) {
    String d = domain.strip().toLowerCase(Locale.ROOT);
    if (domainOwner(c, tenant, d).isPresent()) {
      return false;
    }
    Jdbc.update(c, "INSERT INTO client_domain (tenant_id, domain_name, client_id, added_at)"
        + " VALUES (?,?,?,?)", tenant, d, clientId, now);
    return true;
  }

  public static boolean removeDomain(Connection c, long tenant, String domain) {
    return Jdbc.update(c, "DELETE FROM client_domain WHERE tenant_id = ? AND domain_name = ?",
        tenant, domain) == 1;
  }

  public static Optional<Long> domainOwner(Connection c, long tenant, String domain) {
    return Jdbc.one(c, "SELECT client_id FROM client_domain WHERE tenant_id = ?"
        + " AND domain_name = ?", rs -> rs.getLong(1), tenant, domain);
  }

  public static List<DomainRow> domains(Connection c, long tenant, @Nullable Long clientId) {
    String where = clientId == null ? "" : " AND d.client_id = ?";
    Object[] args = clientId == null ? new Object[] {tenant} : new Object[] {tenant, clientId};
    return Jdbc.list(c, "SELECT d.domain_name, d.client_id, o.name, d.added_at FROM client_domain d"
        + " JOIN client_org o ON o.tenant_id = d.tenant_id AND o.client_id = d.client_id"
        + " WHERE d.tenant_id = ?" + where + " ORDER BY d.domain_name",
        rs -> new DomainRow(rs.getString(1), rs.getLong(2), rs.getString(3),
            Jdbc.instant(rs, "added_at")), args);
  }
}
