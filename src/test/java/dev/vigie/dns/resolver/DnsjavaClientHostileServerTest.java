package dev.vigie.dns.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.vigie.dns.DnsAnswer;
import dev.vigie.dns.DnsStatus;
import dev.vigie.dns.RecordType;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

/**
 * A hostile domain's DNS server must not hold a check past its time budget nor make the client
 * ask without end (shared/conformance/spf/README.md: the dnsjava LookupSession hazard).
 */
class DnsjavaClientHostileServerTest {
  private static final Duration BUDGET = Duration.ofSeconds(5);

  private static DnsjavaClient client(HostileDnsServer s) {
    return new DnsjavaClient(DnsSettings.system().withUpstream(s.address())
        .withTimeout(Duration.ofMillis(300)));
  }

  private static Message reply(Message q, int rcode) {
    Message r = new Message(q.getHeader().getID());
    r.getHeader().setFlag(Flags.QR);
    r.getHeader().setRcode(rcode);
    r.addRecord(q.getQuestion(), Section.QUESTION);
    return r;
  }

  @Test
  void lookup_errorRcodeHoldingACnameIsNotChasedForever() throws Exception {
    try (HostileDnsServer s = new HostileDnsServer(q -> {
      Message r = reply(q, Rcode.SERVFAIL);
      r.addRecord(new CNAMERecord(q.getQuestion().getName(), DClass.IN, 60,
          Name.fromConstantString("elsewhere.evil.test.")), Section.ANSWER);
      return r;
    })) {
      DnsAnswer a = assertTimeoutPreemptively(BUDGET, () -> client(s).lookup("x.evil.test", RecordType.TXT));
      assertThat(a.status()).isEqualTo(DnsStatus.SERVFAIL);
      assertThat(s.queries()).isLessThanOrEqualTo(DnsjavaClient.MAX_QUERIES);
    }
  }

  @Test
  void lookup_endlessCnameChainStopsAtTheQueryBound() throws Exception {
    AtomicInteger n = new AtomicInteger();
    try (HostileDnsServer s = new HostileDnsServer(q -> {
      Message r = reply(q, Rcode.NOERROR);
      r.addRecord(new CNAMERecord(q.getQuestion().getName(), DClass.IN, 60,
          Name.fromConstantString("hop" + n.incrementAndGet() + ".evil.test.")), Section.ANSWER);
      return r;
    })) {
      DnsAnswer a = assertTimeoutPreemptively(BUDGET, () -> client(s).lookup("x.evil.test", RecordType.A));
      assertThat(a.status()).isEqualTo(DnsStatus.SERVFAIL);
      assertThat(s.queries()).isEqualTo(DnsjavaClient.MAX_QUERIES);
    }
  }

  @Test
  void lookup_silentServerIsATimeoutNotAnAnswer() throws Exception {
    try (HostileDnsServer s = new HostileDnsServer(q -> null)) {
      DnsAnswer a = assertTimeoutPreemptively(BUDGET, () -> client(s).lookup("x.evil.test", RecordType.TXT));
      assertThat(a.status()).isEqualTo(DnsStatus.TIMEOUT);
      assertThat(a.status().isTemporary()).isTrue();
    }
  }

  @Test
  void lookup_truncatedAnswerWithNoTcpIsTemporary() throws Exception {
    try (HostileDnsServer s = new HostileDnsServer(q -> {
      Message r = reply(q, Rcode.NOERROR);
      r.getHeader().setFlag(Flags.TC);
      return r;
    })) {
      DnsAnswer a = assertTimeoutPreemptively(BUDGET, () -> client(s).lookup("x.evil.test", RecordType.TXT));
      assertThat(a.status().isTemporary()).isTrue();
    }
  }

  @Test
  void lookup_answerForAnotherNameIsIgnored() throws Exception {
    try (HostileDnsServer s = new HostileDnsServer(q -> {
      Message r = reply(q, Rcode.NOERROR);
      r.addRecord(new org.xbill.DNS.ARecord(Name.fromConstantString("victim.example."), DClass.IN,
          60, java.net.InetAddress.getLoopbackAddress()), Section.ANSWER);
      return r;
    })) {
      DnsAnswer a = client(s).lookup("x.evil.test", RecordType.A);
      assertThat(a.records()).isEmpty();
    }
  }
}
