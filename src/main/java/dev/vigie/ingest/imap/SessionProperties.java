package dev.vigie.ingest.imap;

import java.io.IOException;
import java.util.Properties;

/** Jakarta Mail session properties for one mailbox: timeouts, TLS and trust. */
final class SessionProperties {
  private SessionProperties() {}

  /**
   * @param protocol {@code imaps} (TLS from the first byte) or {@code imap}
   * @throws IOException when the trust store can't be read
   */
  static Properties of(ImapSettings s, String protocol) throws IOException {
    String p = "mail." + protocol + ".";
    Properties props = new Properties();
    props.put(p + "connectiontimeout", Long.toString(s.connectTimeout().toMillis()));
    props.put(p + "timeout", Long.toString(s.readTimeout().toMillis()));
    props.put(p + "writetimeout", Long.toString(s.readTimeout().toMillis()));
    switch (s.security()) {
      case IMAPS -> props.put(p + "ssl.enable", "true");
      case STARTTLS -> {
        props.put(p + "starttls.enable", "true");
        props.put(p + "starttls.required", "true");
      }
      case PLAIN -> props.put(p + "starttls.enable", "false");
    }
    // Never retry a failed TLS connection with the JDK's default socket factory: the error would
    // hide the real one (a host name mismatch) and the trust store would be bypassed.
    props.put(p + "socketFactory.fallback", "false");
    if (s.security() != ImapSettings.Security.PLAIN) {
      if (s.insecureTrustAll()) {
        props.put(p + "ssl.socketFactory", TlsTrust.trustingAnything());
        props.put(p + "ssl.checkserveridentity", "false");
      } else {
        if (s.trustStore() != null) {
          props.put(p + "ssl.socketFactory", TlsTrust.trusting(s.trustStore(),
              s.trustStorePassword()));
        }
        props.put(p + "ssl.checkserveridentity", "true");
      }
    }
    return props;
  }
}
