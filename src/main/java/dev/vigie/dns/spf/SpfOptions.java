package dev.vigie.dns.spf;

import java.time.Clock;

/**
 * How the evaluator behaves where RFC 7208 leaves a choice.
 *
 * @param defaultExplanation the explanation for a "fail" without a usable exp= (§6.2); macros in
 *     it are expanded when it is a valid explain-string
 * @param receiver the %{r} value: the checking host's domain (§7.3)
 * @param lookupLimit DNS-querying terms allowed per check (§4.6.4: 10)
 * @param voidLookupLimit void lookups allowed per check (§4.6.4: 2 recommended)
 * @param clock the %{t} time
 */
public record SpfOptions(
    String defaultExplanation, String receiver, int lookupLimit, int voidLookupLimit,
    Clock clock) {

  public static final String DEFAULT_EXPLANATION =
      "%{c} is not authorized to send mail for %{o}";

  public static SpfOptions defaults() {
    return new SpfOptions(DEFAULT_EXPLANATION, "unknown", 10, 2, Clock.systemUTC());
  }

  public SpfOptions withDefaultExplanation(String explanation) {
    return new SpfOptions(explanation, receiver, lookupLimit, voidLookupLimit, clock);
  }

  public SpfOptions withReceiver(String receiverDomain) {
    return new SpfOptions(defaultExplanation, receiverDomain, lookupLimit, voidLookupLimit, clock);
  }

  public SpfOptions withClock(Clock c) {
    return new SpfOptions(defaultExplanation, receiver, lookupLimit, voidLookupLimit, c);
  }
}
