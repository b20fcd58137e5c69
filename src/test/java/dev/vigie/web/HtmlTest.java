package dev.vigie.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void text_andAttributes_areEscaped() {
    String s = new Html().el("p", "<script>x</script>", "title", "\"><b>").toString();
    assertThat(s).isEqualTo("<p title=\"&quot;&gt;&lt;b&gt;\">&lt;script&gt;x&lt;/script&gt;</p>");
  }

  @Test
  void urls_onlySafeSchemes() {
    assertThat(new Html().el("a", "x", "href", "javascript:alert(1)").toString())
        .contains("href=\"#\"");
    assertThat(new Html().el("a", "x", "href", "/domains/a.example").toString())
        .contains("href=\"/domains/a.example\"");
  }

  @Test
  void inlineHandlersAndStyles_refused() {
    assertThatThrownBy(() -> new Html().open("p", "onclick", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Html().open("p", "style", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
