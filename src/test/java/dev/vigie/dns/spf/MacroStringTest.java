package dev.vigie.dns.spf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Macro syntax (RFC 7208 §7.1) and expansion, with the examples of §7.4. */
class MacroStringTest {
  private static final Map<Character, String> VALUES = Map.of('s', "strong-bad@email.example.com",
      'l', "strong-bad", 'o', "email.example.com", 'd', "email.example.com", 'i', "192.0.2.3",
      'v', "in-addr", 'h', "mx.example.org");

  private static String expand(String spec) throws SpfSyntaxException {
    return MacroExpander.expand(MacroString.parse(spec, false), VALUES::get);
  }

  @Test
  void expand_rfcSection74Examples() throws SpfSyntaxException {
    assertThat(expand("%{s}")).isEqualTo("strong-bad@email.example.com");
    assertThat(expand("%{d4}")).isEqualTo("email.example.com");
    assertThat(expand("%{d2}")).isEqualTo("example.com");
    assertThat(expand("%{d1}")).isEqualTo("com");
    assertThat(expand("%{dr}")).isEqualTo("com.example.email");
    assertThat(expand("%{d2r}")).isEqualTo("example.email");
    assertThat(expand("%{l-}")).isEqualTo("strong.bad");
    assertThat(expand("%{lr-}")).isEqualTo("bad.strong");
    assertThat(expand("%{l1r-}")).isEqualTo("strong");
    assertThat(expand("%{ir}.%{v}._spf.%{d2}")).isEqualTo("3.2.0.192.in-addr._spf.example.com");
    assertThat(expand("%{lr-}.lp._spf.%{d2}")).isEqualTo("bad.strong.lp._spf.example.com");
  }

  @Test
  void expand_upperCaseLetter_urlEscapes() throws SpfSyntaxException {
    assertThat(MacroExpander.expand(MacroString.parse("%{L}", false),
        c -> "~jack&jill=up a")).isEqualTo("~jack%26jill%3Dup%20a");
  }

  @Test
  void expand_escapes() throws SpfSyntaxException {
    assertThat(expand("a%%b%_c%-d")).isEqualTo("a%b c%20d");
  }

  @Test
  void parse_expOnlyLetterOutsideExplanation_rejected() throws SpfSyntaxException {
    assertThatThrownBy(() -> MacroString.parse("%{c}", false))
        .isInstanceOf(SpfSyntaxException.class).hasMessageContaining("exp= text only");
    assertThat(MacroString.parse("%{c} %{r} %{t}", true).hasMacros()).isTrue();
  }

  @Test
  void parse_badSyntax_rejected() {
    for (String bad : new String[] {"%", "%x", "%{", "%{x}", "%{d0}", "%{d!}", "a b", "caf\u00e9"}) {
      assertThatThrownBy(() -> MacroString.parse(bad, false)).as(bad)
          .isInstanceOf(SpfSyntaxException.class);
    }
  }

  @Test
  void parseDomainSpec_needsDotTopLabelOrMacro() throws SpfSyntaxException {
    assertThat(MacroString.parseDomainSpec("foo.xn--zckzah").text()).isEqualTo("foo.xn--zckzah");
    assertThat(MacroString.parseDomainSpec("example.com.").text()).isEqualTo("example.com.");
    assertThat(MacroString.parseDomainSpec("%{d}").hasMacros()).isTrue();
    for (String bad : new String[] {"museum", "museum.", "abc.123", "example.-com", "a.com:80"}) {
      assertThatThrownBy(() -> MacroString.parseDomainSpec(bad)).as(bad)
          .isInstanceOf(SpfSyntaxException.class);
    }
  }

  @Test
  void parse_hugeDigitTransformer_keepsEverything() throws SpfSyntaxException {
    assertThat(expand("%{d99999999999999999999}")).isEqualTo("email.example.com");
  }
}
