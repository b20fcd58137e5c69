package dev.vigie.dns.bimi;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A valid BIMI assertion record.
 *
 * @param text the record as published (character-strings concatenated)
 * @param logoUrl l=, the https URL of the SVG logo; null when empty (the domain declines BIMI)
 * @param authorityUrl a=, the https URL of the PEM mark certificate (VMC or CMC); null when absent
 *     or empty
 * @param avatarPreference avp=, brand when absent
 * @param extensions the names of unknown tags, which receivers ignore
 */
public record BimiRecord(
    String text,
    @Nullable String logoUrl,
    @Nullable String authorityUrl,
    AvatarPreference avatarPreference,
    List<String> extensions) {

  public BimiRecord {
    extensions = List.copyOf(extensions);
  }

  /** An empty l= (and no a=) is a declination: the domain asks receivers to show no logo. */
  public boolean declined() {
    return logoUrl == null && authorityUrl == null;
  }
}
