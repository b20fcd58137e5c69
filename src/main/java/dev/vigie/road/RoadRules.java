package dev.vigie.road;

/**
 * The thresholds of the road to p=reject.
 *
 * @param windowDays how far back readiness looks (days, today included)
 * @param minDaysWithData a domain needs reports on at least this many days of the window before
 *     a verdict: two weeks catches monthly newsletters' neighbours, weekly payroll runs and the
 *     reporters that send late
 * @param minMessages and at least this many messages in the window
 * @param blockingMessages a legitimate sender blocks the next stage when at least this many of its
 *     messages failed in the window…
 * @param blockingPercent …and they are at least this share (percent) of the domain's mail;
 *     smaller ones are listed as warnings
 * @param forwardedWarningPercent forwarded mail above this share is pointed out before enforcing
 * @param testingFirst publish each enforcement step first with {@code t=y}. RFC 9989 (DMARCbis)
 *     removed {@code pct}, the old way to ramp up (pct=0 was widely used only to make mailing
 *     lists rewrite From without enforcing anything). Its replacement, {@code t=y}, asks receivers
 *     to apply the next weaker policy (reject → quarantine, quarantine → none) while mailing
 *     lists, which look at p, already treat the domain as enforcing. Off by default: for an SME
 *     with clean reports it only adds a step; on for cautious MSPs or heavy list traffic.
 * @param staleDays reports are "stopped" for a domain or client when none covers the last this
 *     many days, although some arrived before
 */
public record RoadRules(
    int windowDays,
    int minDaysWithData,
    long minMessages,
    long blockingMessages,
    double blockingPercent,
    double forwardedWarningPercent,
    boolean testingFirst,
    int staleDays) {

  public static RoadRules defaults() {
    return new RoadRules(30, 14, 100, 10, 0.1, 5.0, false, 3);
  }
}
