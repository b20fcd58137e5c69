package dev.vigie.enrich;

import java.util.List;

/**
 * One service in the {@link SenderCatalogue}. Every domain pattern matches the name itself and
 * any name below it ({@code mcsv.net} matches {@code mail12.suw91.mcsv.net}).
 *
 * @param id stable identifier, lower-case, e.g. {@code mailchimp}
 * @param name what a person reads, e.g. "Mailchimp"
 * @param reverseDnsSuffixes PTR names of the service's outbound servers
 * @param asns autonomous systems mostly used by the service; weak evidence on their own
 * @param spfIncludes what a customer puts in {@code include:} to authorise the service
 * @param dkimDomains the {@code d=} domains the service signs with when not signing as the customer
 * @param envelopeDomains the MAIL FROM (Return-Path) domains the service uses for bounces
 */
public record KnownSender(
    String id,
    String name,
    SenderCategory category,
    List<String> reverseDnsSuffixes,
    List<Long> asns,
    List<String> spfIncludes,
    List<String> dkimDomains,
    List<String> envelopeDomains) {

  public KnownSender {
    reverseDnsSuffixes = List.copyOf(reverseDnsSuffixes);
    asns = List.copyOf(asns);
    spfIncludes = List.copyOf(spfIncludes);
    dkimDomains = List.copyOf(dkimDomains);
    envelopeDomains = List.copyOf(envelopeDomains);
  }
}
