package dev.vigie.store;

import dev.vigie.road.DailyRow;
import dev.vigie.road.SourceRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The queries behind the dashboards and the road to p=reject. Every one takes the tenant (and the
 * client where the view is scoped to one) as parameters.
 *
 * <p>Charts and overviews read {@code daily_rollup} (summing its append-only deltas) and {@code
 * aggregate_report}, never {@code aggregate_record}: the records table has one row per source per
 * report and no index, the rollups are small and indexed by (tenant, domain, day). Only the
 * drill-downs limited to one domain and a period ({@link #reverseDnsBases}) read records.
 *
 * <p>DMARC pass is read from policy_evaluated: the receiver's aligned DKIM or SPF result (RFC 7489
 * §A.2 {@code PolicyEvaluatedType}), so a pass here is exactly a pass there.
 *
 * <p>Engine differences: "latest value by time" is {@code arg_max} in DuckDB and an ordered
 * {@code array_agg} in PostgreSQL; everything else is common SQL. Dates are bound as parameters.
 */
public final class DashboardSql {
  private static final String PASS =
      "CASE WHEN dkim_eval = 'pass' OR spf_eval = 'pass' THEN message_total ELSE 0 END";

  private DashboardSql() {}

  /** A client's domain. */
  public record DomainRow(String domain, long clientId, String clientName) {}

  /** The tenant's domains (of one client when {@code clientId} is given), by client then name. */
  public static List<DomainRow> domains(Connection c, long tenant, @Nullable Long clientId)
      throws SQLException {
    String sql = "SELECT d.domain_name, o.client_id, o.name FROM client_domain d"
        + " JOIN client_org o ON o.tenant_id = d.tenant_id AND o.client_id = d.client_id"
        + " WHERE d.tenant_id = ?" + (clientId == null ? "" : " AND d.client_id = ?")
        + " ORDER BY o.name, o.client_id, d.domain_name";
    List<DomainRow> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, tenant);
      if (clientId != null) {
        ps.setLong(2, clientId);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new DomainRow(rs.getString(1), rs.getLong(2), rs.getString(3)));
        }
      }
    }
    return out;
  }

  /** The client owning {@code domain} in the tenant, if any. */
  public static java.util.Optional<DomainRow> domain(Connection c, long tenant, String domain)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT d.domain_name, o.client_id, o.name"
        + " FROM client_domain d JOIN client_org o ON o.tenant_id = d.tenant_id"
        + " AND o.client_id = d.client_id WHERE d.tenant_id = ? AND d.domain_name = ?")) {
      ps.setLong(1, tenant);
      ps.setString(2, domain);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? java.util.Optional.of(new DomainRow(rs.getString(1), rs.getLong(2), rs.getString(3)))
            : java.util.Optional.empty();
      }
    }
  }

  /** A client organisation. */
  public record ClientRow(long clientId, String name) {}

  public static List<ClientRow> clients(Connection c, long tenant) throws SQLException {
    List<ClientRow> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT client_id, name FROM client_org"
        + " WHERE tenant_id = ? ORDER BY name, client_id")) {
      ps.setLong(1, tenant);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new ClientRow(rs.getLong(1), rs.getString(2)));
        }
      }
    }
    return out;
  }

  /**
   * What a domain's aggregate reports say: the policy it published in the latest one (by the end
   * of the period it covers), and when its reports began and end.
   *
   * @param lastEnd the end of the latest period any report covers (UTC): when reports stop
   *     arriving, this stops advancing
   */
  public record ReportFacts(String domain, @Nullable String policyP, @Nullable String policySp,
      LocalDateTime firstBegin, LocalDateTime lastEnd, long reports) {}

  /**
   * Per policy domain, for the tenant's reports (a client's when {@code clientId} is given, one
   * domain when {@code domain} is given).
   */
  public static Map<String, ReportFacts> reportFacts(Connection c, StoreLocation.Engine engine,
      long tenant, @Nullable Long clientId, @Nullable String domain) throws SQLException {
    return reportFacts(c, engine, tenant, clientId, domain, null);
  }

  /**
   * The same, over the reports whose period ends on or after {@code since} (when given): reports
   * are stored roughly in time order, so a recent bound lets both engines skip most of the table
   * (DuckDB zone maps; PostgreSQL reads fewer heap pages).
   */
  public static Map<String, ReportFacts> reportFacts(Connection c, StoreLocation.Engine engine,
      long tenant, @Nullable Long clientId, @Nullable String domain, @Nullable LocalDate since)
      throws SQLException {
    return reportFactsFor(c, engine, tenant, clientId, domain == null ? null : List.of(domain),
        since);
  }

  /** The same for a list of policy domains (all when null). */
  public static Map<String, ReportFacts> reportFactsFor(Connection c,
      StoreLocation.Engine engine, long tenant, @Nullable Long clientId,
      @Nullable List<String> domains,
      @Nullable LocalDate since) throws SQLException {
    if (domains != null && domains.isEmpty()) {
      return Map.of();
    }
    String latest = engine == StoreLocation.Engine.DUCKDB
        ? "arg_max(policy_p, end_at), arg_max(policy_sp, end_at)"
        : "(array_agg(policy_p ORDER BY end_at DESC))[1],"
            + " (array_agg(policy_sp ORDER BY end_at DESC))[1]";
    String sql = "SELECT policy_domain, " + latest + ", min(begin_at), max(end_at), count(*)"
        + " FROM aggregate_report WHERE tenant_id = ?"
        + (clientId == null ? "" : " AND client_id = ?")
        + (domains == null ? "" : " AND policy_domain IN ("
            + String.join(",", java.util.Collections.nCopies(domains.size(), "?")) + ")")
        + (since == null ? "" : " AND end_at >= ?")
        + " GROUP BY policy_domain";
    Map<String, ReportFacts> out = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      ps.setLong(i++, tenant);
      if (clientId != null) {
        ps.setLong(i++, clientId);
      }
      if (domains != null) {
        for (String d : domains) {
          ps.setString(i++, d);
        }
      }
      if (since != null) {
        ps.setObject(i, since.atStartOfDay());
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), new ReportFacts(rs.getString(1), rs.getString(2),
              rs.getString(3), rs.getObject(4, LocalDateTime.class),
              rs.getObject(5, LocalDateTime.class), rs.getLong(6)));
        }
      }
    }
    return out;
  }

  /**
   * Messages per day and source class, of one domain (when {@code domain} is given) or of a
   * client's domains, or of the whole tenant.
   */
  public static List<DailyRow> daily(Connection c, long tenant, @Nullable Long clientId,
      @Nullable String domain, LocalDate from, LocalDate to) throws SQLException {
    String sql = "SELECT rollup_date, source_class, sum(message_total), sum(" + PASS + ")"
        + " FROM daily_rollup WHERE tenant_id = ? AND rollup_date BETWEEN ? AND ?"
        + scope(clientId, domain)
        + " GROUP BY rollup_date, source_class ORDER BY rollup_date, source_class";
    List<DailyRow> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = bindScope(ps, tenant, from, to, clientId, domain);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new DailyRow(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3),
              rs.getLong(4)));
        }
      }
    }
    return out;
  }

  /** One domain's sources over a period: per service, class, IP and disposition. */
  public static List<SourceRow> sources(Connection c, long tenant, String domain, LocalDate from,
      LocalDate to) throws SQLException {
    String sql = "SELECT sender_id, source_class, source_ip, disposition, sum(message_total),"
        + " sum(" + PASS + ") FROM daily_rollup"
        + " WHERE tenant_id = ? AND rollup_date BETWEEN ? AND ?" + scope(null, domain)
        + " GROUP BY sender_id, source_class, source_ip, disposition";
    List<SourceRow> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bindScope(ps, tenant, from, to, null, domain);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new SourceRow(rs.getString(1), rs.getString(2), rs.getString(3),
              rs.getString(4), rs.getLong(5), rs.getLong(6)));
        }
      }
    }
    return out;
  }

  /**
   * Totals per domain over a period, for overviews.
   *
   * @param failingLegit messages of legitimate senders (AUTHORISED_FAILING) that failed DMARC
   */
  public record DomainTotals(String domain, long messages, long pass, long failingLegit) {}

  public static Map<String, DomainTotals> domainTotals(Connection c, long tenant,
      @Nullable Long clientId, LocalDate from, LocalDate to) throws SQLException {
    String sql = "SELECT domain_name, sum(message_total), sum(" + PASS + "),"
        + " sum(CASE WHEN source_class = 'AUTHORISED_FAILING' THEN message_total - (" + PASS
        + ") ELSE 0 END)"
        + " FROM daily_rollup WHERE tenant_id = ? AND rollup_date BETWEEN ? AND ?"
        + scope(clientId, null) + " GROUP BY domain_name";
    Map<String, DomainTotals> out = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bindScope(ps, tenant, from, to, clientId, null);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), new DomainTotals(rs.getString(1), rs.getLong(2),
              rs.getLong(3), rs.getLong(4)));
        }
      }
    }
    return out;
  }

  /**
   * A drill-down that reads records (one domain, one period): for sources no catalogue entry
   * matched, the organisational domain of their reverse DNS name (enrichment's base domain),
   * keyed by IP. Only the records the enrichment looked up have one.
   */
  public static Map<String, String> reverseDnsBases(Connection c, long tenant, String domain,
      LocalDate from, LocalDate to, dev.vigie.dns.psl.OrganizationalDomains orgs)
      throws SQLException {
    String sql = "SELECT source_ip, max(reverse_dns) FROM aggregate_record"
        + " WHERE tenant_id = ? AND policy_domain = ? AND interval_begin >= ?"
        + " AND interval_begin < ? AND sender_id IS NULL AND reverse_dns IS NOT NULL"
        + " GROUP BY source_ip";
    Map<String, String> out = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, tenant);
      ps.setString(2, domain);
      ps.setObject(3, from.atStartOfDay());
      ps.setObject(4, to.plusDays(1).atStartOfDay());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String ptr = rs.getString(2);
          out.put(rs.getString(1), orgs.organizationalDomain(ptr).orElse(ptr));
        }
      }
    }
    return out;
  }

  /** Failure and SMTP TLS reports received for a domain over a period. */
  public record OtherReports(long failureReports, long tlsReports, long tlsSuccess,
      long tlsFailure) {}

  public static OtherReports otherReports(Connection c, long tenant, String domain,
      LocalDate from, LocalDate to) throws SQLException {
    long failures;
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM failure_report"
        + " WHERE tenant_id = ? AND reported_domain = ? AND arrival_at >= ? AND arrival_at < ?")) {
      ps.setLong(1, tenant);
      ps.setString(2, domain);
      ps.setObject(3, from.atStartOfDay());
      ps.setObject(4, to.plusDays(1).atStartOfDay());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        failures = rs.getLong(1);
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*),"
        + " coalesce(sum(success_total), 0), coalesce(sum(failure_total), 0) FROM tls_report"
        + " WHERE tenant_id = ? AND policy_domain = ? AND begin_at >= ? AND begin_at < ?")) {
      ps.setLong(1, tenant);
      ps.setString(2, domain);
      ps.setObject(3, from.atStartOfDay());
      ps.setObject(4, to.plusDays(1).atStartOfDay());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new OtherReports(failures, rs.getLong(1), rs.getLong(2), rs.getLong(3));
      }
    }
  }

  private static String scope(@Nullable Long clientId, @Nullable String domain) {
    if (domain != null) {
      return " AND domain_name = ?";
    }
    if (clientId != null) {
      return " AND domain_name IN (SELECT domain_name FROM client_domain"
          + " WHERE tenant_id = ? AND client_id = ?)";
    }
    return "";
  }

  private static int bindScope(PreparedStatement ps, long tenant, LocalDate from, LocalDate to,
      @Nullable Long clientId, @Nullable String domain) throws SQLException {
    int i = 1;
    ps.setLong(i++, tenant);
    ps.setObject(i++, from);
    ps.setObject(i++, to);
    if (domain != null) {
      ps.setString(i++, domain);
    } else if (clientId != null) {
      ps.setLong(i++, tenant);
      ps.setLong(i++, clientId);
    }
    return i;
  }
}
