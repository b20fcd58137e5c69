package dev.vigie.ingest.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ImapSettingsTest {
  @Test
  void builder_defaults_imapsInboxArchiveInvalid() {
    ImapSettings s = ImapSettings.builder("imap.example.com", "dmarc", "pw").build();

    assertThat(s.port()).isEqualTo(993);
    assertThat(s.security()).isEqualTo(ImapSettings.Security.IMAPS);
    assertThat(s.folder()).isEqualTo("INBOX");
    assertThat(s.archiveFolder()).isEqualTo("Archive");
    assertThat(s.invalidFolder()).isEqualTo("Invalid");
    assertThat(s.insecureTrustAll()).isFalse();
  }

  @Test
  void builder_starttls_defaultsToPort143() {
    assertThat(ImapSettings.builder("imap.example.com", "u", "p")
        .security(ImapSettings.Security.STARTTLS).build().port()).isEqualTo(143);
  }

  @Test
  void constructor_plainToRemoteHost_refused() {
    assertThatThrownBy(() -> ImapSettings.builder("imap.example.com", "u", "p")
        .security(ImapSettings.Security.PLAIN).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
    assertThatThrownBy(() -> ImapSettings.builder("127.evil.example", "u", "p")
        .security(ImapSettings.Security.PLAIN).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void constructor_plainToLoopback_allowed() {
    for (String host : new String[] {"127.0.0.1", "127.0.0.2", "localhost", "::1"}) {
      assertThat(ImapSettings.builder(host, "u", "p").security(ImapSettings.Security.PLAIN)
          .build().host()).isEqualTo(host);
    }
  }

  @Test
  void constructor_archiveSameAsSource_refused() {
    assertThatThrownBy(() -> ImapSettings.builder("h", "u", "p")
        .folders("INBOX", "INBOX", "Invalid").build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void idleRenewal_under29MinutesAndUnderReadTimeout() {
    ImapSettings defaults = ImapSettings.builder("h", "u", "p").build();
    ImapSettings patient = ImapSettings.builder("h", "u", "p")
        .timeouts(Duration.ofSeconds(30), Duration.ofHours(1)).build();

    assertThat(defaults.idleRenewal()).isLessThan(defaults.readTimeout());
    assertThat(patient.idleRenewal()).isLessThan(Duration.ofMinutes(29));
  }

  @Test
  void mailboxUrl_userWithAt_percentEncoded() {
    ImapSettings s = ImapSettings.builder("imap.example.com", "dmarc@msp.example", "pw").build();

    assertThat(s.mailboxUrl()).isEqualTo("imap://dmarc%40msp.example@imap.example.com/INBOX");
  }

  @Test
  void toString_neverShowsPassword() {
    assertThat(ImapSettings.builder("h", "u", "hunter2").build().toString())
        .doesNotContain("hunter2");
  }
}
