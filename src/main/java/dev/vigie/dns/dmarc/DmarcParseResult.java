package dev.vigie.dns.dmarc;

import dev.vigie.check.Finding;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the parser made of one TXT string.
 *
 * @param record null when receivers must ignore the whole record (no v=DMARC1 first)
 * @param findings syntax and value problems, in the order met
 */
public record DmarcParseResult(@Nullable DmarcRecord record, List<Finding> findings) {
  public DmarcParseResult {
    findings = List.copyOf(findings);
  }
}
