package dev.vigie.ingest.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PathArgumentTest {
  @Test
  void parse_pathAndParameters() {
    PathArgument p = PathArgument.parse("FROM:<a@b.example> SIZE=123 BODY=8BITMIME", "FROM:");
    assertThat(p).isEqualTo(new PathArgument("a@b.example", List.of("SIZE=123", "BODY=8BITMIME")));
    assertThat(p.parameter("size")).isEqualTo("123");
    assertThat(p.parameter("SMTPUTF8")).isNull();
  }

  @Test
  void parse_lenientForms() {
    assertThat(PathArgument.parse("from: <a@b.example>", "FROM:").address()).isEqualTo("a@b.example");
    assertThat(PathArgument.parse("TO:c@d.example", "TO:").address()).isEqualTo("c@d.example");
    assertThat(PathArgument.parse("FROM:<>", "FROM:").address()).isEmpty();
    assertThat(PathArgument.parse("TO:<\"John Smith\"@d.example>", "TO:").address())
        .isEqualTo("\"John Smith\"@d.example");
  }

  @Test
  void parse_sourceRouteIgnoredPerRfc5321SectionC() {
    assertThat(PathArgument.parse("TO:<@one.example,@two.example:u@d.example>", "TO:").address())
        .isEqualTo("u@d.example");
  }

  @Test
  void parse_refusals() {
    assertThat(PathArgument.parse("TO:<a@b.example>", "FROM:")).isNull();
    assertThat(PathArgument.parse("FROM:<a@b.example", "FROM:")).isNull();
    assertThat(PathArgument.parse("FROM:<a@b.example>SIZE=1", "FROM:")).isNull();
    assertThat(PathArgument.parse("FROM:", "FROM:")).isNull();
    assertThat(PathArgument.parse("TO:<é@b.example>", "TO:")).isNull();
    assertThat(PathArgument.parse("TO:<a\tb@b.example>", "TO:")).isNull();
  }

  @Test
  void mailParameterRefusal_sizeAndBodyPerRfc1870And6152() {
    assertThat(refusal("SIZE=100", true)).isNull();
    assertThat(refusal("SIZE=101", true)).startsWith("552 5.3.4");
    assertThat(refusal("SIZE=1234567890123456789", true)).startsWith("501");
    assertThat(refusal("SIZE=-1", true)).startsWith("501");
    assertThat(refusal("BODY=7BIT", true)).isNull();
    assertThat(refusal("BODY=BINARYMIME", true)).startsWith("501");
    assertThat(refusal("SMTPUTF8", true)).startsWith("555 5.5.4 Unsupported MAIL parameter SMTPUTF8");
    assertThat(refusal("SIZE=1", false)).startsWith("555");
  }

  private static String refusal(String params, boolean esmtp) {
    return PathArgument.parse("FROM:<a@b.example> " + params, "FROM:")
        .mailParameterRefusal(esmtp, 100);
  }
}
