package dev.vigie.ingest.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmtpSettingsTest {
  @Test
  void defaults_port25AndRfcMinimums() {
    SmtpSettings s = SmtpSettings.defaults("mx.msp.example", List.of("dmarc@msp.example"));
    assertThat(s.port()).isEqualTo(25);
    assertThat(s.maxRecipients()).isEqualTo(100);
    assertThat(s.idleTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(s.tls()).isNull();
    assertThat(s.bindAddress().isAnyLocalAddress()).isTrue();
  }

  @Test
  void constructor_refusesUnusableSettings() {
    SmtpSettings ok = SmtpSettings.defaults("mx.msp.example", List.of("dmarc@msp.example"));
    assertThatThrownBy(() -> SmtpSettings.defaults("mx.msp.example", List.of()))
        .hasMessageContaining("acceptedRecipients");
    assertThatThrownBy(() -> SmtpSettings.defaults("mx msp", List.of("a@b")))
        .hasMessageContaining("hostname");
    assertThatThrownBy(() -> ok.withMessageLimits(0, 1)).hasMessageContaining("maxMessageBytes");
    assertThatThrownBy(() -> ok.withTls(null, true)).hasMessageContaining("requireTls");
    assertThatThrownBy(() -> ok.withBind(ok.bindAddress(), 70000)).hasMessageContaining("port");
    assertThat(ok.withTls(new TlsIdentity.Pem(Path.of("c"), Path.of("k")), true).requireTls())
        .isTrue();
  }
}
