package dev.vigie.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The DKIM selectors receivers saw signing for a domain: aggregate records name them (RFC 7489
 * Appendix C, {@code auth_results/dkim/selector}), and they are the ones worth checking in DNS —
 * a selector in use but missing from DNS, or with a weak key, breaks real mail. Common selector
 * names alone miss most providers' (Mailchimp's k1, Amazon SES's random ones, …).
 */
public final class SelectorSql {
  private SelectorSql() {}

  /**
   * Selectors signing as {@code domain} itself in reports of the last {@code days} days, most
   * messages first, at most {@code limit}.
   */
  public static List<String> seen(Store store, String domain, int days, int limit) {
    try {
      return seen(store.connection(), Store.DEFAULT_TENANT, domain, days, limit);
    } catch (SQLException e) {
      throw new StoreException(store.location().describe() + ": cannot read DKIM selectors: "
          + e.getMessage(), e);
    }
  }

  /** The same for one tenant, on a connection of the caller's. */
  public static List<String> seen(java.sql.Connection c, long tenant, String domain, int days,
      int limit) throws SQLException {
    String d = domain.toLowerCase(Locale.ROOT);
    Map<String, Long> volume = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT dkim_domains,"
        + " dkim_selectors, SUM(message_count) FROM aggregate_record WHERE tenant_id = ?"
        + " AND interval_begin >= ? AND dkim_selectors <> '' AND (policy_domain = ?"
        + " OR header_from = ?) GROUP BY dkim_domains, dkim_selectors")) {
      ps.setLong(1, tenant);
      ps.setObject(2, LocalDateTime.now(ZoneOffset.UTC).minusDays(days));
      ps.setString(3, d);
      ps.setString(4, d);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String[] domains = rs.getString(1).split("\\|", -1);
          String[] selectors = rs.getString(2).split("\\|", -1);
          for (int i = 0; i < Math.min(domains.length, selectors.length); i++) {
            String s = selectors[i].strip().toLowerCase(Locale.ROOT);
            // "none" is what the parser writes when the reporter omitted the selector
            if (domains[i].equalsIgnoreCase(d) && !s.isEmpty() && !s.equals("none")) {
              volume.merge(s, rs.getLong(3), Long::sum);
            }
          }
        }
      }
    }
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(volume.entrySet());
    sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey()));
    return sorted.stream().limit(limit).map(Map.Entry::getKey).toList();
  }
}
