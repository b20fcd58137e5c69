package dev.vigie.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class BundlesTest {
  @Test
  void englishAndFrench_haveTheSameKeys() {
    Properties en = Messages.bundle("en");
    Properties fr = Messages.bundle("fr");
    assertThat(fr.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(
        en.stringPropertyNames());
  }

  @Test
  void placeholders_match() {
    Properties en = Messages.bundle("en");
    Properties fr = Messages.bundle("fr");
    for (String k : en.stringPropertyNames()) {
      for (int i = 0; i < 6; i++) {
        String p = "{" + i + "}";
        assertThat(fr.getProperty(k, "").contains(p)).as(k + " " + p)
            .isEqualTo(en.getProperty(k).contains(p));
      }
    }
  }

  @Test
  void everyDnsChangeHasItsText() {
    for (String lang : Messages.LANGUAGES) {
      Properties b = Messages.bundle(lang);
      for (String code : dev.vigie.check.history.CheckChanges.CODES) {
        assertThat(b.getProperty("change." + code)).as(lang + " change." + code).isNotBlank();
      }
    }
  }

  @Test
  void get_substitutesLiterally() {
    assertThat(Messages.of("fr").get("error.too-long", "nom", 200))
        .isEqualTo("Le champ nom dépasse 200 caractères.");
    assertThat(Messages.of("de").lang()).isEqualTo("en");
    // one pass: an argument that looks like a placeholder is quoted as it is
    assertThat(Messages.of("fr").get("error.too-long", "{1}", 200))
        .isEqualTo("Le champ {1} dépasse 200 caractères.");
    // a placeholder without its argument stays as written; getOr falls back instead
    assertThat(Messages.of("fr").get("error.too-long", "nom")).endsWith("{1} caractères.");
    assertThat(Messages.of("fr").getOr("error.too-long", java.util.List.of("nom"), "stored"))
        .isEqualTo("stored");
  }
}
