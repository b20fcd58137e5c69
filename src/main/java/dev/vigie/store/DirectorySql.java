package dev.vigie.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Client organisations and the domains they own, which route reports to them. */
public final class DirectorySql {
  private DirectorySql() {}

  /** A client and its domains. */
  public record Client(long id, String name, List<String> domains) {}

  /** Creates the client if needed and gives it the domains; returns its id. */
  public static long addClient(Store store, String name, List<String> domains) {
    Connection c = store.connection();
    long t = Store.DEFAULT_TENANT;
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    try {
      long id;
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT client_id FROM client_org WHERE tenant_id = ? AND name = ?")) {
        ps.setLong(1, t);
        ps.setString(2, name);
        try (ResultSet rs = ps.executeQuery()) {
          id = rs.next() ? rs.getLong(1) : -1;
        }
      }
      if (id < 0) {
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(client_id), 0) + 1"
            + " FROM client_org WHERE tenant_id = ?")) {
          ps.setLong(1, t);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
          }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO client_org (tenant_id,"
            + " client_id, name, created_at) VALUES (?,?,?,?)")) {
          ps.setLong(1, t);
          ps.setLong(2, id);
          ps.setString(3, name);
          ps.setObject(4, now);
          ps.executeUpdate();
        }
      }
      for (String d : domains) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO client_domain (tenant_id,"
            + " domain_name, client_id, added_at) VALUES (?,?,?,?) ON CONFLICT DO NOTHING")) {
          ps.setLong(1, t);
          ps.setString(2, d.strip().toLowerCase(Locale.ROOT));
          ps.setLong(3, id);
          ps.setObject(4, now);
          ps.executeUpdate();
        }
      }
      return id;
    } catch (SQLException e) {
      throw new StoreException(store.location().describe() + ": cannot add the client: "
          + e.getMessage(), e);
    }
  }

  public static List<Client> clients(Store store) {
    List<Client> out = new ArrayList<>();
    try (PreparedStatement ps = store.connection().prepareStatement("SELECT o.client_id, o.name,"
        + " d.domain_name FROM client_org o LEFT JOIN client_domain d ON d.tenant_id = o.tenant_id"
        + " AND d.client_id = o.client_id WHERE o.tenant_id = ? ORDER BY o.name, d.domain_name")) {
      ps.setLong(1, Store.DEFAULT_TENANT);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(1);
          if (out.isEmpty() || out.get(out.size() - 1).id() != id) {
            out.add(new Client(id, rs.getString(2), new ArrayList<>()));
          }
          if (rs.getString(3) != null) {
            out.get(out.size() - 1).domains().add(rs.getString(3));
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreException(store.location().describe() + ": cannot list clients: "
          + e.getMessage(), e);
    }
    return out;
  }
}
