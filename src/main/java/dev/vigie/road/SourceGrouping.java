package dev.vigie.road;

import dev.vigie.enrich.KnownSender;
import dev.vigie.enrich.SenderCatalogue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Groups a domain's sources by sending service: identified ones by catalogue id; the others by
 * the organisational domain of their reverse DNS name when one is known ("unidentified, from
 * ovh.net"), else by IP. Largest groups first.
 */
public final class SourceGrouping {
  /** How many IPs each group lists. */
  public static final int TOP_IPS = 5;

  private SourceGrouping() {}

  public static List<ServiceGroup> group(String domain, List<SourceRow> rows,
      SenderCatalogue catalogue, Map<String, String> reverseDnsBaseByIp) {
    Map<String, Acc> groups = new LinkedHashMap<>();
    for (SourceRow r : rows) {
      KnownSender sender = r.senderId() == null ? null : catalogue.byId(r.senderId()).orElse(null);
      String key;
      String name;
      if (sender != null) {
        key = "sender:" + sender.id();
        name = sender.name();
      } else if (r.senderId() != null) {
        key = "sender:" + r.senderId(); // an id a newer catalogue knew
        name = r.senderId();
      } else if (reverseDnsBaseByIp.containsKey(r.ip())) {
        name = reverseDnsBaseByIp.get(r.ip());
        key = "rdns:" + name;
      } else {
        key = "ip:" + r.ip();
        name = r.ip();
      }
      groups.computeIfAbsent(key, k -> new Acc(k, r.senderId(), name, sender)).add(r);
    }
    List<ServiceGroup> out = new ArrayList<>();
    for (Acc a : groups.values()) {
      out.add(a.build(domain));
    }
    out.sort(Comparator.comparingLong(ServiceGroup::messages).reversed()
        .thenComparing(ServiceGroup::key));
    return out;
  }

  private static final class Acc {
    final String key;
    final @Nullable String senderId;
    final String name;
    final @Nullable KnownSender sender;
    long messages;
    long pass;
    ClassSplit byClass = ClassSplit.EMPTY;
    ServiceGroup.Dispositions dispositions = ServiceGroup.Dispositions.EMPTY;
    final Map<String, long[]> ips = new HashMap<>();

    Acc(String key, @Nullable String senderId, String name, @Nullable KnownSender sender) {
      this.key = key;
      this.senderId = senderId;
      this.name = name;
      this.sender = sender;
    }

    void add(SourceRow r) {
      messages += r.messages();
      pass += r.pass();
      byClass = byClass.plus(r.sourceClass(), r.messages());
      dispositions = dispositions.plus(r.disposition(), r.messages());
      long[] ip = ips.computeIfAbsent(r.ip(), k -> new long[2]);
      ip[0] += r.messages();
      ip[1] += r.pass();
    }

    ServiceGroup build(String domain) {
      List<ServiceGroup.IpVolume> top = ips.entrySet().stream()
          .map(e -> new ServiceGroup.IpVolume(e.getKey(), e.getValue()[0], e.getValue()[1]))
          .sorted(Comparator.comparingLong(ServiceGroup.IpVolume::messages).reversed()
              .thenComparing(ServiceGroup.IpVolume::ip))
          .toList();
      String topIp = top.isEmpty() ? "" : top.get(0).ip();
      return new ServiceGroup(key, senderId, name,
          sender == null ? null : sender.category().id(), dominant(byClass), messages, pass,
          messages - pass, Compliance.percent(pass, messages), byClass, dispositions,
          top.subList(0, Math.min(TOP_IPS, top.size())), ips.size(),
          Fixes.forGroup(domain, sender, byClass, topIp, ips.size()));
    }
  }

  /** The class with most messages; ties go to the one that needs attention first. */
  static String dominant(ClassSplit s) {
    long[] v = {s.authorisedFailing(), s.unknownOrImpostor(), s.forwarded(),
        s.authorisedPassing(), s.unclassified()};
    String[] n = {"AUTHORISED_FAILING", "UNKNOWN_OR_IMPOSTOR", "FORWARDED",
        "AUTHORISED_PASSING", "UNCLASSIFIED"};
    int best = n.length - 1;
    for (int i = n.length - 1; i >= 0; i--) {
      if (v[i] >= v[best]) {
        best = i;
      }
    }
    return n[best];
  }
}
