package dev.vigie.enrich;

import java.util.Locale;
import java.util.Optional;

/** What kind of service a known sender is; the catalogue file spells these in kebab case. */
public enum SenderCategory {
  MAILBOX_PROVIDER,
  TRANSACTIONAL,
  MARKETING,
  CRM,
  HELPDESK,
  BILLING,
  ACCOUNTING,
  ECOMMERCE,
  WEBSITE,
  HOSTING,
  SECURITY_GATEWAY,
  FORWARDING,
  SURVEY,
  HR,
  EVENTS,
  SCHEDULING,
  COLLABORATION,
  E_SIGNATURE,
  DEVELOPER,
  TELEPHONY;

  /** The catalogue spelling, e.g. {@code mailbox-provider}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<SenderCategory> fromId(String id) {
    for (SenderCategory c : values()) {
      if (c.id().equals(id)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * Services that carry other people's mail rather than originate it: a mailbox provider hosts
   * many unrelated tenants, a forwarder or list re-sends what it received, a security gateway
   * relays its subscribers' outbound mail. Their IP alone says little about who wrote a message.
   */
  public boolean relaysOthersMail() {
    return this == MAILBOX_PROVIDER || this == FORWARDING || this == SECURITY_GATEWAY;
  }
}
