package dev.vigie.dns.dkim;

import dev.vigie.check.Finding;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the parser made of one key record.
 *
 * @param record null when verifiers must discard the record (bad v=, syntax error, duplicate tag,
 *     no p=)
 * @param findings every problem found, in order
 */
public record DkimParseResult(@Nullable DkimKeyRecord record, List<Finding> findings) {
  public DkimParseResult {
    findings = List.copyOf(findings);
  }
}
