package dev.vigie.road;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The mail of one sending service over a period (or, for sources no catalogue entry matched, of
 * one reverse-DNS base domain or one IP).
 *
 * @param key stable within a result: {@code sender:<id>}, {@code rdns:<base domain>} or
 *     {@code ip:<address>}
 * @param senderId the catalogue id; null when unidentified
 * @param name what people read: the service's name, else the reverse-DNS base domain, else the IP
 * @param category the catalogue category id (e.g. {@code marketing}); null when unidentified
 * @param sourceClass the class most of its messages fall in (a {@link
 *     dev.vigie.enrich.SourceClass} name), or {@code UNCLASSIFIED}
 * @param byClass its messages by class: a service can be passing for most mail and failing for
 *     some (a second, unconfigured account)
 * @param topIps the busiest source IPs, at most {@link SourceGrouping#TOP_IPS}
 * @param ipCount how many distinct IPs sent
 * @param advice what to do about it: fixes for legitimate failing mail, explanations otherwise
 */
public record ServiceGroup(
    String key,
    @Nullable String senderId,
    String name,
    @Nullable String category,
    String sourceClass,
    long messages,
    long pass,
    long fail,
    double passPercent,
    ClassSplit byClass,
    Dispositions dispositions,
    List<IpVolume> topIps,
    int ipCount,
    List<Advice> advice) {

  public ServiceGroup {
    topIps = List.copyOf(topIps);
    advice = List.copyOf(advice);
  }

  /** Messages from one IP. */
  public record IpVolume(String ip, long messages, long pass) {}

  /** What receivers actually did with the messages (policy_evaluated disposition). */
  public record Dispositions(long none, long quarantine, long reject) {
    public static final Dispositions EMPTY = new Dispositions(0, 0, 0);

    Dispositions plus(String disposition, long messages) {
      return switch (disposition) {
        case "quarantine" -> new Dispositions(none, quarantine + messages, reject);
        case "reject" -> new Dispositions(none, quarantine, reject + messages);
        default -> new Dispositions(none + messages, quarantine, reject);
      };
    }
  }
}
