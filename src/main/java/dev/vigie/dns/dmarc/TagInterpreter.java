package dev.vigie.dns.dmarc;

import dev.vigie.check.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Gives each well-formed tag its meaning (RFC 9989 §4.7 table, or RFC 7489 §6.3). */
final class TagInterpreter {

  private static final Set<String> FO_OPTIONS = Set.of("0", "1", "d", "s");
  private static final Set<String> RF_FORMATS = Set.of("afrf", "iodef");

  private final DmarcMode mode;
  private final List<Finding> findings;

  private @Nullable Policy policy;
  private @Nullable Policy subdomainPolicy;
  private @Nullable Policy nonexistentPolicy;
  private PsdFlag psd = PsdFlag.UNSPECIFIED;
  private boolean testing;
  private AlignmentMode adkim = AlignmentMode.RELAXED;
  private AlignmentMode aspf = AlignmentMode.RELAXED;
  private List<String> fo = List.of("0");
  private List<ReportUri> rua = List.of();
  private List<ReportUri> ruf = List.of();
  private @Nullable Integer pct;

  TagInterpreter(DmarcMode mode, List<Finding> findings) {
    this.mode = mode;
    this.findings = findings;
  }

  DmarcRecord interpret(String text, List<DmarcTag> tags) {
    for (DmarcTag tag : tags) {
      interpret(tag);
    }
    boolean hasP = tags.stream().anyMatch(t -> t.name().equals("p"));
    if (!hasP) {
      findings.add(ParseFindings.policyMissing(mode));
    } else if (mode == DmarcMode.RFC7489 && (tags.size() < 2 || !tags.get(1).name().equals("p"))) {
      // RFC 7489 §6.4: dmarc-record = dmarc-version dmarc-sep [dmarc-request] ...
      findings.add(ParseFindings.policyNotSecond());
    }
    if (fo.contains("0") && fo.contains("1")) {
      findings.add(ParseFindings.foRedundant());
    }
    return new DmarcRecord(text, mode, policy, subdomainPolicy, nonexistentPolicy, psd, testing,
        adkim, aspf, fo, rua, ruf, pct, tags);
  }

  private void interpret(DmarcTag tag) {
    String value = tag.value();
    String lower = value.toLowerCase(Locale.ROOT);
    boolean bis = mode == DmarcMode.RFC9989;
    switch (tag.name()) {
      case "v" -> { }
      case "p" -> policy = policy(tag).orElse(null);
      case "sp" -> subdomainPolicy = policy(tag).orElse(null);
      case "np" -> nonexistentPolicy = policy(tag).orElse(null);
      case "adkim" -> adkim = alignment(tag, adkim);
      case "aspf" -> aspf = alignment(tag, aspf);
      case "psd" -> {
        if (bis) {
          psd = switch (lower) {
            case "y" -> PsdFlag.YES;
            case "n" -> PsdFlag.NO;
            case "u" -> PsdFlag.UNSPECIFIED;
            default -> invalid(tag, "y, n or u", "y, n, u", PsdFlag.UNSPECIFIED);
          };
        } else {
          findings.add(ParseFindings.notInRfc7489(tag));
        }
      }
      case "t" -> {
        if (bis) {
          testing = switch (lower) {
            case "y" -> true;
            case "n" -> false;
            default -> invalid(tag, "y or n", "y, n", false);
          };
        } else {
          findings.add(ParseFindings.notInRfc7489(tag));
        }
      }
      case "fo" -> fo = failureOptions(tag);
      case "rua" -> rua = uris(tag);
      case "ruf" -> ruf = uris(tag);
      case "pct", "rf", "ri" -> {
        if (bis) {
          findings.add(ParseFindings.removedTag(tag));
        } else {
          legacy(tag, lower);
        }
      }
      default -> findings.add(ParseFindings.unknownTag(tag));
    }
  }

  private Optional<Policy> policy(DmarcTag tag) {
    Optional<Policy> p = Policy.parse(tag.value());
    if (p.isEmpty()) {
      invalid(tag, "none, quarantine or reject", "none, quarantine, reject", null);
    }
    return p;
  }

  private AlignmentMode alignment(DmarcTag tag, AlignmentMode fallback) {
    return switch (tag.value().toLowerCase(Locale.ROOT)) {
      case "r" -> AlignmentMode.RELAXED;
      case "s" -> AlignmentMode.STRICT;
      default -> invalid(tag, "r (relaxed) or s (strict)", "r, s", fallback);
    };
  }

  private List<String> failureOptions(DmarcTag tag) {
    List<String> options = new ArrayList<>();
    for (String part : tag.value().split(":", -1)) {
      String o = part.strip().toLowerCase(Locale.ROOT);
      if (!FO_OPTIONS.contains(o)) {
        return invalid(tag, "0, 1, d, s, or a colon-separated list of them", "0, 1, d, s",
            List.of("0"));
      }
      if (!options.contains(o)) {
        options.add(o);
      }
    }
    return options;
  }

  private List<ReportUri> uris(DmarcTag tag) {
    ReportUris.Parsed parsed = ReportUris.parse(tag.name(), tag.value(), mode);
    findings.addAll(parsed.findings());
    return parsed.uris();
  }

  /** pct, rf and ri as RFC 7489 §6.3 defines them. */
  private void legacy(DmarcTag tag, String lower) {
    switch (tag.name()) {
      case "pct" -> {
        if (lower.matches("\\d{1,3}") && Integer.parseInt(lower) <= 100) {
          pct = Integer.parseInt(lower);
        } else {
          invalid(tag, "a whole number from 0 to 100", "0–100", null);
        }
      }
      case "rf" -> {
        for (String f : lower.split(":", -1)) {
          if (!RF_FORMATS.contains(f.strip())) {
            invalid(tag, "afrf (or iodef)", "afrf, iodef", null);
            return;
          }
        }
      }
      default -> {
        if (!lower.matches("\\d{1,10}") || Long.parseLong(lower) > 0xFFFF_FFFFL) {
          invalid(tag, "a number of seconds (32-bit)", "0–4294967295", null);
        }
      }
    }
  }

  /** {@code allowed}: the valid values as a bare list or range, for the translated fix. */
  private <T> T invalid(DmarcTag tag, String expected, String allowed, T fallback) {
    findings.add(ParseFindings.invalidValue(tag, expected, allowed));
    return fallback;
  }
}
