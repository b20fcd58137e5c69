package dev.vigie.dns.spf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses a whole "v=spf1" record before anything is evaluated, so a syntax error anywhere is a
 * permerror even when an earlier mechanism would match (RFC 7208 §4.6).
 */
final class SpfParser {
  private static final Pattern MODIFIER = Pattern.compile("([A-Za-z][A-Za-z0-9._-]*)=(.*)",
      Pattern.DOTALL);
  private static final Pattern MECHANISM = Pattern.compile("([+\\-~?]?)([A-Za-z][A-Za-z0-9]*)(.*)",
      Pattern.DOTALL);
  /** dual-cidr-length = [ ip4-cidr-length ] [ "/" ip6-cidr-length ] (§5.6). */
  private static final Pattern DUAL_CIDR = Pattern.compile("(.*?)(?:/([0-9]+))?(?://([0-9]+))?",
      Pattern.DOTALL);

  private SpfParser() {}

  /** True for text that starts with "v=spf1" (any case) followed by a space or its end (§4.5). */
  static boolean isSpfRecord(String text) {
    return text.regionMatches(true, 0, "v=spf1", 0, 6) && (text.length() == 6
        || text.charAt(6) == ' ');
  }

  static SpfRecord parse(String text) throws SpfSyntaxException {
    if (!isSpfRecord(text)) {
      throw new SpfSyntaxException("not an SPF record: it does not start with \"v=spf1 \"");
    }
    List<Mechanism> mechanisms = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    MacroString redirect = null;
    MacroString exp = null;
    // §4.6.1: terms are separated by one or more spaces, and by nothing else.
    for (String term : text.substring(6).split(" ")) {
      if (term.isEmpty()) {
        continue;
      }
      Matcher mod = MODIFIER.matcher(term);
      if (mod.matches()) {
        String name = mod.group(1).toLowerCase(Locale.ROOT);
        String value = mod.group(2);
        switch (name) {
          case "redirect" -> {
            if (redirect != null) {
              throw new SpfSyntaxException("redirect= appears more than once (§6)");
            }
            redirect = domainSpec(value, "redirect=");
          }
          case "exp" -> {
            if (exp != null) {
              throw new SpfSyntaxException("exp= appears more than once (§6)");
            }
            exp = domainSpec(value, "exp=");
          }
          default -> {
            MacroString.parse(value, false); // §6: unknown modifiers still need valid macros
            unknown.add(name);
          }
        }
        continue;
      }
      mechanisms.add(mechanism(term));
    }
    return new SpfRecord(mechanisms, redirect, exp, unknown, text);
  }

  private static Mechanism mechanism(String term) throws SpfSyntaxException {
    Matcher m = MECHANISM.matcher(term);
    if (!m.matches() || !(m.group(3).isEmpty() || m.group(3).startsWith(":")
        || m.group(3).startsWith("/"))) {
      throw new SpfSyntaxException("unknown or malformed term \"" + MacroString.printable(term)
          + "\" (§4.6.1)");
    }
    Qualifier q = m.group(1).isEmpty() ? Qualifier.PASS : Qualifier.of(m.group(1).charAt(0));
    String name = m.group(2).toLowerCase(Locale.ROOT);
    String rest = m.group(3);
    return switch (name) {
      case "all" -> {
        if (!rest.isEmpty()) {
          throw new SpfSyntaxException("\"all\" takes no argument: \"" + term + "\" (§5.1)");
        }
        yield new Mechanism(q, Mechanism.Kind.ALL, null, null, 32, 128, term);
      }
      case "include", "exists" -> {
        if (!rest.startsWith(":")) {
          throw new SpfSyntaxException("\"" + name + "\" needs \":domain\": \"" + term + "\"");
        }
        Mechanism.Kind kind = name.equals("include") ? Mechanism.Kind.INCLUDE
            : Mechanism.Kind.EXISTS;
        yield new Mechanism(q, kind, domainSpec(rest.substring(1), name + ":"), null, 32, 128,
            term);
      }
      case "ptr" -> {
        MacroString d = null;
        if (!rest.isEmpty()) {
          if (!rest.startsWith(":")) {
            throw new SpfSyntaxException("\"ptr\" takes no CIDR length: \"" + term + "\" (§5.5)");
          }
          d = domainSpec(rest.substring(1), "ptr:");
        }
        yield new Mechanism(q, Mechanism.Kind.PTR, d, null, 32, 128, term);
      }
      case "a", "mx" -> addressMechanism(q, name, rest, term);
      case "ip4", "ip6" -> ipMechanism(q, name, rest, term);
      default -> throw new SpfSyntaxException("unknown mechanism \"" + MacroString.printable(term)
          + "\" (§5)");
    };
  }

  /** a / mx: [ ":" domain-spec ] [ dual-cidr-length ] (§5.3, §5.4). */
  private static Mechanism addressMechanism(Qualifier q, String name, String rest, String term)
      throws SpfSyntaxException {
    Matcher c = DUAL_CIDR.matcher(rest);
    if (!c.matches()) {
      throw new SpfSyntaxException("malformed \"" + term + "\"");
    }
    String domain = c.group(1);
    MacroString spec = null;
    if (!domain.isEmpty()) {
      if (!domain.startsWith(":")) {
        throw new SpfSyntaxException("malformed CIDR length in \"" + term + "\" (§5.6)");
      }
      spec = domainSpec(domain.substring(1), name + ":");
    }
    int cidr4 = cidr(c.group(2), 32, term);
    int cidr6 = cidr(c.group(3), 128, term);
    Mechanism.Kind kind = name.equals("a") ? Mechanism.Kind.A : Mechanism.Kind.MX;
    return new Mechanism(q, kind, spec, null, cidr4, cidr6, term);
  }

  /** ip4 / ip6: ":" network [ "/" prefix ] (§5.6). */
  private static Mechanism ipMechanism(Qualifier q, String name, String rest, String term)
      throws SpfSyntaxException {
    if (!rest.startsWith(":")) {
      throw new SpfSyntaxException("\"" + name + "\" needs \":address\": \"" + term + "\"");
    }
    String value = rest.substring(1);
    int slash = value.indexOf('/');
    String address = slash < 0 ? value : value.substring(0, slash);
    boolean v4 = name.equals("ip4");
    IpAddress network = v4 ? IpAddress.parseIpv4(address) : IpAddress.parseIpv6(address);
    if (network == null) {
      throw new SpfSyntaxException("\"" + MacroString.printable(address) + "\" is not a valid "
          + (v4 ? "IPv4" : "IPv6") + " address in \"" + MacroString.printable(term) + "\" (§5.6)");
    }
    int max = v4 ? 32 : 128;
    int prefix = slash < 0 ? max : cidr(value.substring(slash + 1), max, term);
    return new Mechanism(q, v4 ? Mechanism.Kind.IP4 : Mechanism.Kind.IP6, null, network,
        v4 ? prefix : 32, v4 ? 128 : prefix, term);
  }

  private static int cidr(@Nullable String digits, int max, String term)
      throws SpfSyntaxException {
    if (digits == null) {
      return max;
    }
    Integer v = IpAddress.decimal(digits, max);
    if (v == null) {
      throw new SpfSyntaxException("invalid CIDR length \"/" + MacroString.printable(digits)
          + "\" in \"" + MacroString.printable(term) + "\" (0-" + max + ", no leading zeros)");
    }
    return v;
  }

  private static MacroString domainSpec(String value, String what) throws SpfSyntaxException {
    if (value.isEmpty()) {
      throw new SpfSyntaxException(what + " needs a domain (§7.1)");
    }
    return MacroString.parseDomainSpec(value);
  }
}
